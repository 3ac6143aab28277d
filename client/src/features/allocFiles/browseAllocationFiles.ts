// nomad.browseAllocFiles: walk an allocation's directory in a quick pick
// (folders first, ".." to go up) and open the picked file read-only in an
// editor through the `nomad-alloc-fs:` file system.
import { formatBytes, listAllocDir, type AllocFileInfo } from '../../nomad/allocFiles';
import { reportFailure, shortId, type ActionContext } from '../actions/actionContext';
import type { PickItem } from '../actions/actionUi';
import { resolveAllocation } from '../actions/allocationTargets';
import { childPath, formatAllocFileUri, parentPath } from './allocFileUri';

type Step = { kind: 'dir'; path: string } | { kind: 'file'; path: string };

export async function browseAllocationFiles(ctx: ActionContext, open: (uri: string) => Promise<unknown>, arg?: unknown): Promise<void> {
  try {
    const alloc = await resolveAllocation(ctx, arg, 'Browse the files of which allocation?');
    if (!alloc) return;
    const client = await ctx.getClient();
    // From a task's row, start in that task's directory.
    let dir = alloc.task ? `/${alloc.task}` : '/';
    for (;;) {
      const entries = await listAllocDir(client, alloc.id, dir, { namespace: alloc.namespace });
      const step = await ctx.ui.pick(pickItems(dir, entries), {
        title: `Files of allocation ${shortId(alloc.id)}: ${dir}`,
        placeholder: entries.length === 0 ? 'This directory is empty' : 'Pick a folder to enter or a file to open',
      });
      if (!step) return;
      if (step.kind === 'dir') {
        dir = step.path;
        continue;
      }
      await open(formatAllocFileUri({ allocId: alloc.id, path: step.path, namespace: alloc.namespace }));
      return;
    }
  } catch (error) {
    reportFailure(ctx.ui, 'Browsing the allocation files', error);
  }
}

/** ".." (below the root), then folders, then files, each alphabetically. */
export function pickItems(dir: string, entries: readonly AllocFileInfo[]): PickItem<Step>[] {
  const sorted = [...entries].sort((a, b) => Number(b.IsDir) - Number(a.IsDir) || a.Name.localeCompare(b.Name));
  const items: PickItem<Step>[] = dir === '/' ? [] : [{ label: '$(arrow-up) ..', description: parentPath(dir), value: { kind: 'dir', path: parentPath(dir) } }];
  for (const entry of sorted) {
    const path = childPath(dir, entry.Name);
    items.push(
      entry.IsDir
        ? { label: `$(folder) ${entry.Name}`, value: { kind: 'dir', path } }
        : { label: `$(file) ${entry.Name}`, description: `${formatBytes(entry.Size)} · ${entry.FileMode}`, value: { kind: 'file', path } },
    );
  }
  return items;
}
