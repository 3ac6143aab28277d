// Addresses of allocation files: `nomad-alloc-fs:/<alloc id>/<path in the
// allocation directory>?namespace=<ns>`. The id leads the path (not the
// authority) so VS Code never lower-cases or reshapes it. No vscode import:
// the command and its unit tests build these as strings.

export const ALLOC_FS_SCHEME = 'nomad-alloc-fs';

export interface AllocFileRef {
  allocId: string;
  /** Always starts with "/"; "/" is the allocation's root. */
  path: string;
  namespace?: string;
}

export function formatAllocFileUri(ref: AllocFileRef): string {
  const segments = ref.path.split('/').filter(Boolean).map(encodeURIComponent);
  const query = ref.namespace ? `?namespace=${encodeURIComponent(ref.namespace)}` : '';
  return `${ALLOC_FS_SCHEME}:/${encodeURIComponent(ref.allocId)}/${segments.join('/')}${query}`;
}

/** The parts of a URI's path and query (as vscode.Uri gives them, already decoded). */
export function parseAllocFileUri(path: string, query: string): AllocFileRef | undefined {
  const [allocId, ...rest] = path.split('/').filter(Boolean);
  if (!allocId) return undefined;
  const namespace = new URLSearchParams(query).get('namespace') || undefined;
  return { allocId, path: '/' + rest.join('/'), namespace };
}

/** The parent directory of an allocation path ("/" stays "/"). */
export function parentPath(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return '/' + parts.slice(0, -1).join('/');
}

export function childPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
