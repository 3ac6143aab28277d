// The `nomad:` URI scheme for read-only JSON views of cluster objects. The query carries what to
// load; the path is only there to give editor tabs a readable title ending in `.json`.
// Pure (no `vscode`): commands wrap the result in `vscode.Uri.from`.
import { submissionExtension } from '../../nomad/submissions';

export const NOMAD_SCHEME = 'nomad';

interface RefBase {
  cluster: string;
  namespace?: string;
  region?: string;
}

export type JobView = 'spec' | 'readable';
const JOB_VIEWS: ReadonlySet<string> = new Set<JobView>(['spec', 'readable']);

export type DocRef =
  | (RefBase & {
      kind: 'job';
      id: string;
      /** A fixed version; absent means the current job, kept up to date while open. */
      version?: number;
      /**
       * `spec`: without the fields the server sets, for comparing with a job file; `readable`: that, with
       * durations written as in a job file ("15s"), for comparing two versions with each other.
       */
      view?: JobView;
      /** Wrap as `{"Job": ...}` to line up with a job file written that way. */
      wrap?: boolean;
    })
  | (RefBase & { kind: 'allocation' | 'evaluation' | 'deployment' | 'node'; id: string })
  /** The source a job version was submitted with (Nomad 1.6+); `format` picks the title's extension. */
  | (RefBase & { kind: 'source'; id: string; version: number; format: string })
  /** Content produced by the extension itself (e.g. an HCL file converted to JSON); `key` names it. */
  | (RefBase & { kind: 'local'; id: string; key: string });

const KINDS = new Set(['job', 'allocation', 'evaluation', 'deployment', 'node', 'local', 'source']);

function titleFor(ref: DocRef): string {
  // Child job ids contain `/`; a look-alike keeps the title readable without adding path segments.
  const name = ref.id.replace(/\//g, '\u2215');
  if (ref.kind === 'job') {
    const version = ref.version === undefined ? '' : ` v${ref.version}`;
    return `${name}${version}${ref.view ? ' (cluster)' : ''}.json`;
  }
  if (ref.kind === 'local') return `${name} (converted).json`;
  if (ref.kind === 'source') return `${name} v${ref.version} (submitted)${submissionExtension(ref.format)}`;
  return `${ref.kind} ${name.slice(0, 8)}.json`;
}

export function formatDocRef(ref: DocRef): { scheme: string; path: string; query: string } {
  const params = new URLSearchParams({ kind: ref.kind, cluster: ref.cluster, id: ref.id });
  if (ref.namespace) params.set('namespace', ref.namespace);
  if (ref.region) params.set('region', ref.region);
  if (ref.kind === 'job') {
    if (ref.version !== undefined) params.set('version', String(ref.version));
    if (ref.view) params.set('view', ref.view);
    if (ref.wrap) params.set('wrap', 'Job');
  }
  if (ref.kind === 'local') params.set('key', ref.key);
  if (ref.kind === 'source') {
    params.set('version', String(ref.version));
    params.set('format', ref.format);
  }
  return { scheme: NOMAD_SCHEME, path: `/${titleFor(ref)}`, query: params.toString() };
}

export function parseDocRef(query: string): DocRef | undefined {
  const params = new URLSearchParams(query);
  const kind = params.get('kind');
  const cluster = params.get('cluster');
  const id = params.get('id');
  if (!kind || !KINDS.has(kind) || cluster === null || !id) return undefined;
  const base = {
    cluster,
    id,
    namespace: params.get('namespace') ?? undefined,
    region: params.get('region') ?? undefined,
  };
  if (kind === 'job') {
    const version = params.get('version');
    const view = params.get('view');
    return {
      ...base,
      kind,
      version: version !== null && /^\d+$/.test(version) ? Number(version) : undefined,
      view: view !== null && JOB_VIEWS.has(view) ? (view as JobView) : undefined,
      wrap: params.get('wrap') === 'Job' || undefined,
    };
  }
  if (kind === 'local') {
    const key = params.get('key');
    return key ? { ...base, kind, key } : undefined;
  }
  if (kind === 'source') {
    const version = params.get('version');
    if (version === null || !/^\d+$/.test(version)) return undefined;
    return { ...base, kind, version: Number(version), format: params.get('format') ?? 'hcl2' };
  }
  return { ...base, kind: kind as 'allocation' | 'evaluation' | 'deployment' | 'node' };
}

/** Documents that never change on the server (a fixed job version, local content) are not watched. */
export function isImmutable(ref: DocRef): boolean {
  return ref.kind === 'local' || ref.kind === 'source' || (ref.kind === 'job' && ref.version !== undefined);
}
