// Hover in native HCL job files: schema documentation for block types and
// attribute names, the declaration behind `var.x` / `local.x`, and the meaning of
// runtime names such as `${NOMAD_PORT_http}` inside strings.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Attribute, Block, HclFile, Span } from '../../hcl/ast';
import { isAttribute } from '../../hcl/ast';
import type { SchemaModel } from '../../schema/schemaModel';
import { bodySchemaAt, resolveBlockPath } from '../completion/schemaPath';
import { astPathAt, stepsOf } from '../symbols/astPath';
import { declarationOf, referenceAt, type Declaration } from '../symbols/declarations';
import { propertyMarkdown } from './propertyDocs';
import { runtimeNameAround, runtimeNameMarkdown } from './runtimeNameDocs';

const MAX_VALUE_LENGTH = 400;

function hover(markdown: string, span: Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: span.range };
}

function sourceOf(text: string, span: Span | undefined): string | undefined {
  if (!span) return undefined;
  const source = text.slice(span.start, span.end);
  return source.length > MAX_VALUE_LENGTH ? source.slice(0, MAX_VALUE_LENGTH) + ' …' : source;
}

function attributeIn(block: Block, name: string): Attribute | undefined {
  return block.body.items.find((i): i is Attribute => isAttribute(i) && i.name === name);
}

function codeBlock(source: string): string {
  const fence = source.includes('```') ? '~~~' : '```';
  return `${fence}hcl\n${source}\n${fence}`;
}

function declarationMarkdown(text: string, declaration: Declaration, line: number): string {
  if (declaration.kind === 'variable') {
    const block = declaration.block;
    const description = attributeIn(block, 'description')?.value;
    const parts = [`**var.${declaration.name}** (input variable)`];
    if (description?.kind === 'literal' && typeof description.value === 'string') parts.push(description.value);
    const facts: string[] = [];
    const type = sourceOf(text, attributeIn(block, 'type')?.value);
    if (type) facts.push(`Type: \`${type}\``);
    const fallback = sourceOf(text, attributeIn(block, 'default')?.value);
    facts.push(fallback ? `Default: \`${fallback.replace(/`/g, "'")}\`` : 'No default: a value must be given when the job is run');
    facts.push(`Declared on line ${line + 1}`);
    parts.push(facts.map((f) => `- ${f}`).join('\n'));
    return parts.join('\n\n');
  }
  const scope = declaration.kind === 'local' ? 'local' : 'var';
  const what = declaration.kind === 'local' ? 'local value' : 'input variable';
  const value = sourceOf(text, declaration.attribute.value) ?? '';
  return `**${scope}.${declaration.name}** (${what}, line ${line + 1})\n\n${codeBlock(value)}`;
}

export function hoverHcl(document: TextDocument, offset: number, file: HclFile, model: SchemaModel): Hover | undefined {
  const text = document.getText();
  const reference = referenceAt(file, offset);
  if (reference) {
    const declaration = declarationOf(file, reference);
    return declaration && hover(declarationMarkdown(text, declaration, declaration.nameSpan.range.start.line), reference);
  }
  const { blocks, target } = astPathAt(file.body, offset);
  if (!target) return undefined;
  if (target.kind === 'blockType') {
    const steps = resolveBlockPath(model, stepsOf(blocks));
    const property = steps[steps.length - 1]?.property;
    return property && hover(propertyMarkdown(property, target.block.type), target.block.typeSpan);
  }
  if (target.kind === 'attributeName') {
    const property = bodySchemaAt(model, stepsOf(blocks))?.hclProperty(target.attribute.name);
    return property && hover(propertyMarkdown(property, target.attribute.name), target.attribute.nameSpan);
  }
  if (target.kind === 'attributeValue') {
    const around = runtimeNameAround(text, offset);
    const markdown = around && runtimeNameMarkdown(around.name);
    if (!around || !markdown) return undefined;
    const end = around.start + around.name.length;
    return hover(markdown, { start: around.start, end, range: { start: document.positionAt(around.start), end: document.positionAt(end) } });
  }
  return undefined;
}
