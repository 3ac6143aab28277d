// Inside a `template` block, the path argument of Nomad's `nomadVar` template
// functions (`{{ with nomadVar "nomad/jobs/web" }}`, also nomadVarList and
// nomadVarListSafe, which take a prefix) completes to the variable paths that
// exist on the connected cluster. Works in heredocs and quoted strings alike;
// only paths are known here, never values.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClusterFactsSource } from './clusterValues';

// The text of the current line up to the cursor: a template action `{{ ... nomadVar "` then the path typed so far.
// In a quoted HCL string the quotes are escaped (\"), in a heredoc they are not.
const PATH_ARGUMENT = /\{\{[^}]*\bnomadVar(?:ListSafe|List)?\s+\\?"([a-zA-Z0-9\-_~/]*)$/;

/** Completion items for a `nomadVar` path at `offset`, or undefined when the cursor is not at one. */
export function nomadVarPathItems(document: TextDocument, offset: number, innermostBlock: string | undefined, facts: ClusterFactsSource): CompletionItem[] | undefined {
  if (innermostBlock !== 'template') return undefined;
  const text = document.getText();
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = PATH_ARGUMENT.exec(text.slice(lineStart, offset));
  if (!match) return undefined;
  const start = offset - match[1].length;
  let end = offset;
  while (end < text.length && /[a-zA-Z0-9\-_~/]/.test(text[end])) end++;
  const known = facts();
  const detail = `variable from ${known.cluster === undefined ? 'the connected cluster' : `cluster ${known.cluster}`}`;
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  return known.variablePaths.map((path) => ({ label: path, kind: CompletionItemKind.Value, detail, textEdit: { range, newText: path }, sortText: `0${path}` }));
}
