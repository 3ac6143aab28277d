// Finds which job a job file describes, without a full parse: the `job "id"` label in HCL,
// or the ID in JSON (API form `{"Job": {...}}`, a bare job, or HCL-style JSON `{"job": {"id": {...}}}`).
import { parse } from 'jsonc-parser';

export interface JobFileIdentity {
  id: string;
  namespace?: string;
  format: 'hcl' | 'json';
  /** JSON only: the file wraps the job as `{"Job": ...}`. */
  wrapped?: boolean;
}

/** Replaces comments with spaces (keeping line breaks), leaving strings intact. */
function stripHclComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = /^"(?:[^"\\\n]|\\.)*"?/.exec(text.slice(i, i + 4096))?.[0].length ?? 1;
      out += text.slice(i, i + end);
      i += end;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function identifyHclJob(text: string): JobFileIdentity | undefined {
  const lines = stripHclComments(text).split('\n');
  let depth = 0;
  let id: string | undefined;
  let namespace: string | undefined;
  for (const line of lines) {
    if (depth === 0 && id === undefined) {
      const label = /^\s*job\s+"((?:[^"\\]|\\.)*)"/.exec(line);
      if (label) id = label[1].replace(/\\(.)/g, '$1');
    } else if (depth === 1 && id !== undefined && namespace === undefined) {
      const attribute = /^\s*namespace\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
      if (attribute) namespace = attribute[1];
    }
    // Braces inside strings are rare in job files and only matter at the top two levels.
    const withoutStrings = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const c of withoutStrings) {
      if (c === '{') depth++;
      else if (c === '}') depth = Math.max(0, depth - 1);
    }
    if (id !== undefined && depth === 0 && /}/.test(withoutStrings)) break;
  }
  return id === undefined ? undefined : { id, namespace, format: 'hcl' };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function identifyJsonJob(text: string): JobFileIdentity | undefined {
  const root = asObject(parse(text, [], { allowTrailingComma: true }));
  if (!root) return undefined;
  const wrapped = asObject(root.Job);
  const job = wrapped ?? root;
  if (typeof job.ID === 'string' && job.ID) {
    return { id: job.ID, namespace: typeof job.Namespace === 'string' ? job.Namespace : undefined, format: 'json', wrapped: Boolean(wrapped) };
  }
  const hclStyle = asObject(root.job);
  const label = hclStyle && Object.keys(hclStyle)[0];
  return label ? { id: label, format: 'json' } : undefined;
}

export function identifyJobFile(text: string, languageId: string): JobFileIdentity | undefined {
  if (languageId === 'json' || languageId === 'jsonc') return identifyJsonJob(text);
  return identifyHclJob(text);
}
