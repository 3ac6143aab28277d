// The one answer to "which job does this file describe": its ID, namespace and
// where it is declared (the line CodeLenses sit on and job-wide problems point
// at). HCL is read with the tolerant outline, so a file being edited still
// names its job; JSON with jsonc-parser.
import { parseTree, type Node } from 'jsonc-parser';
import { attributesOf, blocksOf, lineOf, readOutline, stringValue } from '../hcl/outline';
import { propertyKey, propertyValue } from '../json/properties';
import { jsonJobShape, readJobShape, type JobFileShape } from './jobShape';

export interface JobIdentity {
  /** The job ID: the `job` block's label, the HCL-JSON `job` key, or the API Job's `ID`. */
  readonly id: string;
  /** The namespace the file sets, when it sets one as a plain string. */
  readonly namespace?: string;
  readonly shape: JobFileShape;
  /** API JSON only: the file wraps the job as `{"Job": ...}`. */
  readonly wrapped?: boolean;
  /** Offsets of the declaration: the `job` keyword, or the `job` / `Job` key. */
  readonly declaration: { readonly start: number; readonly end: number };
}

/** The job a document describes, or undefined when it is not a job file or names no job yet. */
export function identifyJob(languageId: string, text: string): JobIdentity | undefined {
  const { shape, json } = readJobShape(languageId, text);
  if (shape === 'hcl') return identifyHclJob(text);
  return shape === 'not-a-job' ? undefined : identifyJsonJob(json);
}

/**
 * Offsets of the job declaration (`job` keyword, `job` / `Job` key) of a job
 * file of `shape`, also while it has no ID yet; undefined when there is none.
 */
export function jobDeclaration(shape: JobFileShape, text: string): JobIdentity['declaration'] | undefined {
  if (shape === 'hcl') {
    const job = blocksOf(readOutline(text), 'job')[0];
    return job && { start: job.start, end: job.typeEnd };
  }
  const root = parseTree(text, [], { allowTrailingComma: true });
  const key = propertyKey(root, shape === 'hcl-json' ? 'job' : 'Job');
  return key ? declarationOf(key) : root && declarationOf(root);
}

/** Zero-based line of the job declaration, or 0 when there is none. */
export function jobDeclarationLine(shape: JobFileShape, text: string): number {
  return lineOf(text, jobDeclaration(shape, text)?.start ?? 0);
}

function identifyHclJob(text: string): JobIdentity | undefined {
  const job = blocksOf(readOutline(text), 'job').find((block) => block.labels.length > 0);
  if (!job) return undefined;
  const namespace = attributesOf(job).get('namespace');
  return {
    id: job.labels[0].value,
    namespace: namespace && stringValue(text, namespace),
    shape: 'hcl',
    declaration: { start: job.start, end: job.typeEnd },
  };
}

function identifyJsonJob(root: Node | undefined): JobIdentity | undefined {
  const detected = jsonJobShape(root);
  if (detected.shape === 'api-json') {
    const id = propertyValue(detected.job, 'ID')?.value;
    if (typeof id !== 'string' || !id) return undefined;
    const namespace = propertyValue(detected.job, 'Namespace')?.value;
    const wrapped = detected.job !== root;
    return {
      id,
      namespace: typeof namespace === 'string' ? namespace : undefined,
      shape: 'api-json',
      wrapped,
      declaration: declarationOf(wrapped ? propertyKey(root, 'Job') : root),
    };
  }
  if (detected.shape !== 'hcl-json') return undefined;
  // HCL-JSON writes one block as an object and repeated blocks as an array of objects.
  const jobs = propertyValue(root, 'job');
  const first = jobs?.type === 'array' ? jobs.children?.[0] : jobs;
  const label = first?.type === 'object' ? first.children?.[0]?.children?.[0]?.value : undefined;
  if (typeof label !== 'string') return undefined;
  const body = propertyValue(first, label);
  const namespace = propertyValue(body?.type === 'array' ? body.children?.[0] : body, 'namespace')?.value;
  return {
    id: label,
    namespace: typeof namespace === 'string' ? namespace : undefined,
    shape: 'hcl-json',
    declaration: declarationOf(propertyKey(root, 'job')),
  };
}

function declarationOf(node: Node | undefined): JobIdentity['declaration'] {
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
}
