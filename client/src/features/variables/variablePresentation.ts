// What the Variables view shows, without `vscode`: the entries directly under a
// path prefix (folders and variables) and their rows. Rows never show item
// values (they are secrets), only paths, counts, times and locks.
import { COLORS, escapeMarkdown, joinParts, type ItemView } from '../../explorer/presentation/itemView';
import { age, isoTime } from '../../explorer/presentation/time';
import type { VariableMetadata } from '../../nomad/variables';

export type VariableEntry = { kind: 'folder'; prefix: string; name: string; count: number } | { kind: 'variable'; name: string; variable: VariableMetadata };

/**
 * The entries one level below `prefix` ('' or ending in '/'): a folder per next path segment (with how many
 * variables it holds) and the variables themselves; folders first, each sorted by name.
 */
export function entriesUnder(prefix: string, variables: readonly VariableMetadata[]): VariableEntry[] {
  const folders = new Map<string, number>();
  const leaves: VariableEntry[] = [];
  for (const variable of variables) {
    if (!variable.Path.startsWith(prefix)) continue;
    const rest = variable.Path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash === -1) leaves.push({ kind: 'variable', name: rest, variable });
    else folders.set(rest.slice(0, slash), (folders.get(rest.slice(0, slash)) ?? 0) + 1);
  }
  const folderEntries: VariableEntry[] = [...folders.entries()].map(([name, count]) => ({ kind: 'folder', prefix: `${prefix}${name}/`, name, count }));
  const byName = (a: VariableEntry, b: VariableEntry) => a.name.localeCompare(b.name);
  return [...folderEntries.sort(byName), ...leaves.sort(byName)];
}

export function namespaceView(name: string, description: string | undefined): ItemView {
  return {
    label: name,
    description: description || undefined,
    tooltip: `**Namespace ${escapeMarkdown(name)}**${description ? `\n\n${escapeMarkdown(description)}` : ''}`,
    icon: { id: 'symbol-namespace' },
    contextValue: 'variableNamespace',
    collapsible: 'collapsed',
  };
}

export function folderView(entry: Extract<VariableEntry, { kind: 'folder' }>): ItemView {
  return {
    label: entry.name,
    description: String(entry.count),
    tooltip: `**${escapeMarkdown(entry.prefix)}**\n\n${entry.count} variable${entry.count === 1 ? '' : 's'} below`,
    icon: { id: 'folder' },
    contextValue: 'variableFolder',
    collapsible: 'collapsed',
  };
}

/** `showLocks`: the cluster has locks (1.7+). */
export function variableView(entry: Extract<VariableEntry, { kind: 'variable' }>, now: number, showLocks: boolean): ItemView {
  const { variable } = entry;
  const lock = showLocks ? variable.Lock : undefined;
  const modified = age(variable.ModifyTime, now);
  const lockLine = lock ? [`- Locked: TTL ${escapeMarkdown(lock.TTL ?? '?')}, lock delay ${escapeMarkdown(lock.LockDelay ?? '?')}`] : [];
  return {
    label: entry.name,
    description: joinParts([Boolean(lock) && 'locked', modified && `${modified} ago`]),
    tooltip: [
      `**${escapeMarkdown(variable.Path)}**`,
      '',
      `- Namespace: ${escapeMarkdown(variable.Namespace)}`,
      `- Modified: ${isoTime(variable.ModifyTime) ?? 'unknown'} (index ${variable.ModifyIndex})`,
      ...lockLine,
      '',
      'Open it to see and edit its items.',
    ].join('\n'),
    icon: lock ? { id: 'lock', color: COLORS.busy } : { id: 'key' },
    contextValue: lock ? 'variable:locked' : 'variable',
    collapsible: 'none',
  };
}

/** The text of an open variable: its items as a JSON object. */
export function itemsText(items: Record<string, string> | null): string {
  return `${JSON.stringify(items ?? {}, null, 2)}\n`;
}

/** Reads an edited variable document back into items; a problem is a sentence saying what to change. */
export function parseItemsText(text: string): { items: Record<string, string> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `The variable is not valid JSON (${(error as Error).message}); write its items as {"key": "value", ...}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'Write the items as one JSON object: {"key": "value", ...}.' };
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return { problem: 'A variable needs at least one item; to remove it, use Delete Variable.' };
  const wrong = entries.find(([, v]) => typeof v !== 'string');
  if (wrong) return { problem: `Item "${wrong[0]}" is not a string; every value of a variable is text, so write it in quotes.` };
  const empty = entries.find(([k]) => k === '');
  if (empty) return { problem: 'An item needs a name; one of them is "".' };
  return { items: Object.fromEntries(entries) as Record<string, string> };
}
