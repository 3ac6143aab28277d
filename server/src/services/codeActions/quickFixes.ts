// Quick fixes for the language server's own diagnostics (source "nomad"): use the
// suggested name or value, add a missing required attribute or block, remove a
// duplicate, declare an undefined variable, and the edits semantic rules
// propose (change the job type to batch, raise memory_max to memory, ...).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Block, Body, BodyItem, HclFile } from '../../hcl/ast';
import { isBlock } from '../../hcl/ast';
import type { SchemaModel } from '../../schema/schemaModel';
import { bodySchemaAt } from '../completion/schemaPath';
import { DiagnosticCodes, type SuggestionData } from '../diagnostics/codes';
import type { SemanticFixData } from '../diagnostics/rules/semanticRule';
import { stepsOf } from '../symbols/astPath';
import { eolOf, indentationAt, removeLines } from './textEdits';

const INDENT = '  ';

function fix(title: string, document: TextDocument, edits: TextEdit[], diagnostic: Diagnostic, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [document.uri]: edits } } };
}

function suggestionOf(diagnostic: Diagnostic): string | undefined {
  const data = diagnostic.data as Partial<SuggestionData> | undefined;
  return typeof data?.suggestion === 'string' ? data.suggestion : undefined;
}

/** Replaces the flagged text, keeping quotes when the flagged text was quoted. */
function useSuggestion(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  const suggestion = suggestionOf(diagnostic);
  if (suggestion === undefined) return undefined;
  const written = document.getText(diagnostic.range);
  const newText = written.startsWith('"') ? JSON.stringify(suggestion) : suggestion;
  return fix(`Change to ${JSON.stringify(suggestion)}`, document, [{ range: diagnostic.range, newText }], diagnostic, true);
}

/** The item whose name (block type or attribute name) starts at `offset`, with the blocks around it. */
function itemNamedAt(body: Body, offset: number, outer: Block[] = []): { item: BodyItem; blocks: Block[] } | undefined {
  for (const item of body.items) {
    const nameStart = isBlock(item) ? item.typeSpan.start : item.nameSpan.start;
    if (nameStart === offset) return { item, blocks: outer };
    if (isBlock(item) && item.start <= offset && offset <= item.end) return itemNamedAt(item.body, offset, [...outer, item]);
  }
  return undefined;
}

function removeDuplicate(document: TextDocument, file: HclFile, diagnostic: Diagnostic): CodeAction | undefined {
  const found = itemNamedAt(file.body, document.offsetAt(diagnostic.range.start));
  if (!found) return undefined;
  const { item } = found;
  const what = isBlock(item) ? `"${item.type}" block` : `"${item.name}" attribute`;
  return fix(`Remove this duplicate ${what}`, document, [removeLines(document, item.start, item.end)], diagnostic);
}

/** Inserts `lines` as the first lines of `block`'s body. */
function insertInBlock(document: TextDocument, block: Block, lines: string[]): TextEdit {
  const text = document.getText();
  const eol = eolOf(text);
  const indent = indentationAt(text, block.start) + INDENT;
  const at = document.positionAt(block.bodySpan.start);
  const body = lines.map((l) => indent + l).join(eol);
  const rest = text.slice(block.bodySpan.start, block.bodySpan.end);
  // `task "x" {}`: open the braces onto their own lines.
  const closing = rest.trim() === '' ? `${eol}${indentationAt(text, block.start)}` : '';
  const range = rest.trim() === '' ? { start: at, end: document.positionAt(block.bodySpan.end) } : { start: at, end: at };
  return { range, newText: `${eol}${body}${closing}` };
}

function addRequired(document: TextDocument, file: HclFile, diagnostic: Diagnostic, model: SchemaModel): CodeAction[] {
  const name = (diagnostic.data as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string') return [];
  const found = itemNamedAt(file.body, document.offsetAt(diagnostic.range.start));
  if (!found || !isBlock(found.item)) return [];
  const block = found.item;
  const property = bodySchemaAt(model, stepsOf([...found.blocks, block]))?.hclProperty(name);
  if (!property) return [];
  if (property.kind !== 'attribute') {
    const label = property.kind === 'labeledBlocks' || property.kind === 'mapBlocks' ? ' "name"' : '';
    return [fix(`Add a "${name}" block`, document, [insertInBlock(document, block, [`${name}${label} {`, '}'])], diagnostic, true)];
  }
  const choices = name === 'driver' ? model.driverNames() : (property.enumValues ?? []).filter((v): v is string => typeof v === 'string' && v !== '');
  if (choices.length) {
    return choices.map((choice, i) =>
      fix(`Add ${name} = "${choice}"`, document, [insertInBlock(document, block, [`${name} = ${JSON.stringify(choice)}`])], diagnostic, i === 0),
    );
  }
  const placeholder = property.types.includes('string') ? '""' : property.types.includes('boolean') ? 'false' : property.types.includes('array') ? '[]' : '0';
  return [fix(`Add ${name}`, document, [insertInBlock(document, block, [`${name} = ${placeholder}`])], diagnostic, true)];
}

/** `var.x` used but never declared: add `variable "x" {}` after the last declaration, or at the top. */
function declareVariable(document: TextDocument, file: HclFile, diagnostic: Diagnostic): CodeAction | undefined {
  const match = /^var\.([\p{ID_Start}_][\p{ID_Continue}-]*)/u.exec(document.getText(diagnostic.range));
  if (!match) return undefined;
  const eol = eolOf(document.getText());
  const last = [...file.body.items].reverse().find((i) => isBlock(i) && (i.type === 'variable' || i.type === 'variables'));
  const declaration = `variable "${match[1]}" {}`;
  const edit: TextEdit = last
    ? { range: { start: last.range.end, end: last.range.end }, newText: `${eol}${eol}${declaration}` }
    : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${declaration}${eol}${eol}` };
  return fix(`Declare variable "${match[1]}"`, document, [edit], diagnostic);
}

/** Fixes for one diagnostic; `file` is the HCL AST when the document is native HCL. */
export function quickFixesFor(document: TextDocument, diagnostic: Diagnostic, file: HclFile | undefined, model: SchemaModel): CodeAction[] {
  switch (diagnostic.code) {
    case DiagnosticCodes.unknownAttribute:
    case DiagnosticCodes.unknownBlock:
    case DiagnosticCodes.invalidEnum:
    case DiagnosticCodes.apiSchema: {
      const action = useSuggestion(document, diagnostic);
      return action ? [action] : [];
    }
    case DiagnosticCodes.duplicateBlock:
    case DiagnosticCodes.duplicateAttribute: {
      const action = file && removeDuplicate(document, file, diagnostic);
      return action ? [action] : [];
    }
    case DiagnosticCodes.missingRequired:
      return file ? addRequired(document, file, diagnostic, model) : [];
    case DiagnosticCodes.undefinedVariable: {
      const action = file && declareVariable(document, file, diagnostic);
      return action ? [action] : [];
    }
    default:
      return semanticFixes(document, diagnostic);
  }
}

/** A semantic rule's finding carries its replacements (see rules/semanticRule.ts); the first one is preferred. */
function semanticFixes(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const fixes = (diagnostic.data as Partial<SemanticFixData> | undefined)?.fixes;
  if (!Array.isArray(fixes)) return [];
  return fixes.map((edit, i) => fix(edit.title, document, [{ range: edit.range, newText: edit.newText }], diagnostic, i === 0));
}
