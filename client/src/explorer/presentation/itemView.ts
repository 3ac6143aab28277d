// What a tree row shows, independent of VS Code: node files turn it into a TreeItem.
// Keeping it plain data lets unit tests and the benchmark run without an editor.

export interface IconView {
  /** Codicon id, e.g. `server-process`. */
  id: string;
  /** Theme colour id, e.g. `charts.green`; absent for the default foreground. */
  color?: string;
}

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface ItemView {
  label: string;
  description?: string;
  /** Markdown; for rows that exist in thousands it is computed on hover instead (see resolveTreeItem). */
  tooltip?: string;
  icon?: IconView;
  contextValue: string;
  collapsible: Collapsible;
}

/** Theme colours used for states, so every node kind speaks the same colour language. */
export const COLORS = {
  ok: 'charts.green',
  busy: 'charts.yellow',
  failed: 'charts.red',
  active: 'charts.blue',
  idle: 'disabledForeground',
} as const;

/** Joins the non-empty parts of a description with a middle dot. */
export function joinParts(parts: readonly (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/** Escapes text from the server before it goes into a Markdown tooltip. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Reads a numeric field that the types may only know as `unknown`; anything else counts as zero. */
export function asNumber(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
