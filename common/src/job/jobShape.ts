// The one answer to "is this document a job file, and in which shape": the
// language server (which validates it), the client (which starts the server
// for it, plans and runs it) and the CLI linter all ask here.
import { parseTree, type Node } from 'jsonc-parser';
import { propertyValue } from '../json/properties';

/**
 * - `hcl`: native HCL2 jobspec (`job "x" { ... }`)
 * - `hcl-json`: the same in HCL's JSON syntax (`{"job": {"x": {...}}}`, maybe beside `variable`, `locals`)
 * - `api-json`: the HTTP API's Job (`{"Job": {...}}`, or a bare Job with ID and TaskGroups)
 * - `not-a-job`: JSON that is none of these
 */
export type JobShape = 'hcl' | 'hcl-json' | 'api-json' | 'not-a-job';

/** The shapes of job files. */
export type JobFileShape = Exclude<JobShape, 'not-a-job'>;

export type JsonJobShape = { shape: 'hcl-json' } | { shape: 'api-json'; job: Node } | { shape: 'not-a-job' };

/** The top-level names of an HCL-JSON jobspec: any of them makes the file one. */
const HCL_JSON_TOP_LEVEL = ['job', 'variable', 'variables', 'locals'];

export function isJsonLanguage(languageId: string | undefined): boolean {
  return languageId === 'json' || languageId === 'jsonc';
}

/** JSON when the first significant character opens an object; HCL bodies never start with "{". */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

/** Cheap pre-check for JSON documents: most JSON files in a workspace are not jobs, and some are large. */
export function mayBeJsonJob(text: string): boolean {
  return text.includes('"job"') || text.includes('"Job"') || text.includes('"TaskGroups"') || text.includes('"variable') || text.includes('"locals"');
}

/** The shape of parsed JSON. */
export function jsonJobShape(root: Node | undefined): JsonJobShape {
  if (root?.type !== 'object') return { shape: 'not-a-job' };
  const wrapped = propertyValue(root, 'Job');
  if (wrapped?.type === 'object') return { shape: 'api-json', job: wrapped };
  if (HCL_JSON_TOP_LEVEL.some((key) => propertyValue(root, key) !== undefined)) return { shape: 'hcl-json' };
  if (propertyValue(root, 'ID') !== undefined && propertyValue(root, 'TaskGroups') !== undefined) return { shape: 'api-json', job: root };
  return { shape: 'not-a-job' };
}

/**
 * The shape of a document from its language and text. A `nomad` (or `hcl`)
 * document written in JSON is an HCL-JSON jobspec even before its "job" key is
 * typed; `json` documents are jobs only when their content says so.
 */
export function detectJobShape(languageId: string, text: string): JobShape {
  return readJobShape(languageId, text).shape;
}

/** The shape, with the JSON tree when the text is JSON and was parsed to decide it (so callers need not parse again). */
export function readJobShape(languageId: string, text: string): { shape: JobShape; json?: Node } {
  const nomadLanguage = languageId === 'nomad' || languageId === 'hcl';
  if (nomadLanguage && !looksLikeJson(text)) return { shape: 'hcl' };
  if (!nomadLanguage && (!isJsonLanguage(languageId) || !mayBeJsonJob(text))) return { shape: 'not-a-job' };
  const json = parseTree(text, [], { allowTrailingComma: true });
  const { shape } = jsonJobShape(json);
  return { shape: nomadLanguage && shape === 'not-a-job' ? 'hcl-json' : shape, json };
}

/** The shape of a job file, or undefined for a document that is not one. */
export function jobFileShape(languageId: string, text: string): JobFileShape | undefined {
  const shape = detectJobShape(languageId, text);
  return shape === 'not-a-job' ? undefined : shape;
}
