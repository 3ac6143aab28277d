// Asking the completion service at a `|` caret, and reading its answer, for the completion tests.
import * as assert from 'assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { NO_CLUSTER_FACTS, type ClusterFacts } from '../../../../../common/src/protocol/clusterFacts';
import { doComplete } from '../../../../../server/src/services/completion/completionService';
import { withCaret } from './caret';
import { openDocument } from './languageService';

/** Completion at `|`; `facts`: what the connected cluster told the server (none by default), or a function reading it. */
export async function complete(
  source: string,
  languageId = 'nomad',
  facts: ClusterFacts | (() => ClusterFacts) = NO_CLUSTER_FACTS,
  targetVersion?: string,
): Promise<CompletionItem[]> {
  const { text, offset } = withCaret(source);
  const { document, parsed, service } = await openDocument(text, languageId);
  const clusterFacts = typeof facts === 'function' ? facts : () => facts;
  return doComplete(document, document.positionAt(offset), parsed, { model: service.schema, clusterFacts }, targetVersion).items;
}

export const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

export function itemOf(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${labels(items).join(', ')}`);
  return item;
}

export const insertOf = (items: CompletionItem[], label: string): string => (itemOf(items, label).textEdit as TextEdit).newText;

export function assertIncludes(items: CompletionItem[], expected: string[]): void {
  const have = labels(items);
  for (const label of expected) assert.ok(have.includes(label), `missing ${label}; got ${have.join(', ')}`);
}

export function assertExcludes(items: CompletionItem[], unexpected: string[]): void {
  const have = labels(items);
  for (const label of unexpected) assert.ok(!have.includes(label), `unexpected ${label}`);
}
