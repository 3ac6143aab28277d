// The `nomad-variable:` addresses of open variables, without `vscode`: the path
// is the variable's path plus `.json` (so the editor shows JSON and the tab
// its name); the query names the cluster and namespace. `view=cluster` is the
// read-only copy of what the cluster holds, shown beside yours after a refused save.
export const VARIABLE_SCHEME = 'nomad-variable';

export interface VariableRef {
  cluster: string;
  namespace: string;
  path: string;
  /** The cluster's copy at the time of a conflict (read-only), instead of the editable document. */
  clusterCopy?: boolean;
}

export function formatVariableRef(ref: VariableRef): { scheme: string; path: string; query: string } {
  const params = new URLSearchParams({ cluster: ref.cluster, namespace: ref.namespace });
  if (ref.clusterCopy) params.set('view', 'cluster');
  return { scheme: VARIABLE_SCHEME, path: `/${ref.path}${ref.clusterCopy ? ' (cluster)' : ''}.json`, query: params.toString() };
}

export function parseVariableRef(path: string, query: string): VariableRef | undefined {
  const params = new URLSearchParams(query);
  const cluster = params.get('cluster');
  const namespace = params.get('namespace');
  const clusterCopy = params.get('view') === 'cluster';
  const suffix = clusterCopy ? ' (cluster).json' : '.json';
  if (cluster === null || !namespace || !path.startsWith('/') || !path.endsWith(suffix)) return undefined;
  const variablePath = path.slice(1, -suffix.length);
  if (!variablePath) return undefined;
  return clusterCopy ? { cluster, namespace, path: variablePath, clusterCopy } : { cluster, namespace, path: variablePath };
}
