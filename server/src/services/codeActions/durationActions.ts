// A duration written as a bare number means nanoseconds to Nomad, which is rarely
// what the author meant. Offer the same value as a duration string, and, for small
// numbers, the reading most people intend (seconds).
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { HclFile } from '../../hcl/ast';
import type { SchemaModel } from '../../schema/schemaModel';
import { formatDuration } from '../completion/snippets';
import { bodySchemaAt } from '../completion/schemaPath';
import { astPathAt, stepsOf } from '../symbols/astPath';

/** Below this many nanoseconds (1 ms), a bare number almost certainly meant seconds. */
const PROBABLY_SECONDS = 1e6;

export function durationActions(document: TextDocument, offset: number, file: HclFile, model: SchemaModel): CodeAction[] {
  const { blocks, target } = astPathAt(file.body, offset);
  if (target?.kind !== 'attributeName' && target?.kind !== 'attributeValue') return [];
  const { attribute } = target;
  const value = attribute.value;
  if (value?.kind !== 'literal' || typeof value.value !== 'number' || !Number.isInteger(value.value) || value.value < 0) return [];
  const property = bodySchemaAt(model, stepsOf(blocks))?.hclProperty(attribute.name);
  if (!property?.duration) return [];
  const replace = (text: string, title: string, preferred: boolean): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    isPreferred: preferred,
    edit: { changes: { [document.uri]: [{ range: value.range, newText: JSON.stringify(text) }] } },
  });
  const exact = formatDuration(value.value);
  const actions = [replace(exact, `Write ${value.value} ns as "${exact}"`, value.value >= PROBABLY_SECONDS)];
  if (value.value > 0 && value.value < PROBABLY_SECONDS) {
    actions.unshift(replace(`${value.value}s`, `Write as "${value.value}s" (a bare number means nanoseconds)`, true));
  }
  return actions;
}
