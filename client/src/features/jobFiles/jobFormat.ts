// The three shapes a job file comes in, and where its job is declared (the
// line that CodeLenses sit on and that job-wide problems point at).
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { looksLikeJsonJob } from '../../lsp/jobFileDetector';
import { lineOf, scanBody } from './hclScan';

/** `hcl`: native HCL2; `hcl-json`: `{"job": {"id": {...}}}`; `api-json`: `{"Job": {...}}` or a bare Job. */
export type JobFileFormat = 'hcl' | 'hcl-json' | 'api-json';

export function detectJobFormat(languageId: string, text: string): JobFileFormat | undefined {
  if (languageId === 'nomad' || languageId === 'hcl') return 'hcl';
  // The cheap textual test first: most JSON files are not jobs, and some are large.
  if ((languageId !== 'json' && languageId !== 'jsonc') || !looksLikeJsonJob(text)) return undefined;
  const root = parseTree(text);
  if (root?.type !== 'object') return undefined;
  if (findNodeAtLocation(root, ['job'])?.type === 'object' || findNodeAtLocation(root, ['job'])?.type === 'array') return 'hcl-json';
  if (findNodeAtLocation(root, ['Job'])?.type === 'object') return 'api-json';
  if (findNodeAtLocation(root, ['ID']) && findNodeAtLocation(root, ['TaskGroups'])) return 'api-json';
  return undefined;
}

/** Zero-based line of the job declaration (the `job` block, the `job`/`Job` key), or 0. */
export function jobDeclarationLine(format: JobFileFormat, text: string): number {
  if (format === 'hcl') {
    const job = scanBody(text).find((item) => item.kind === 'block' && item.type === 'job');
    return job ? lineOf(text, job.start) : 0;
  }
  const root = parseTree(text);
  const key = root && propertyKey(root, format === 'hcl-json' ? 'job' : 'Job');
  return key ? lineOf(text, key.offset) : 0;
}

function propertyKey(root: JsonNode, name: string): JsonNode | undefined {
  return root.children?.find((property) => property.children?.[0]?.value === name)?.children?.[0];
}
