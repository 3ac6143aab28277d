// Completion in native HCL job files. Reads the text around the cursor (see
// cursorContext.ts) rather than the syntax tree, so it works in half-typed files.
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaModel } from '../../schema/schemaModel';
import { bodyFieldItems, dynamicBlockItem, valueItem } from './completionItems';
import { cursorContext, type CursorContext } from './cursorContext';
import { nomadVarPathItems } from './nomadVarPaths';
import { bodySchemaAt, type BlockStep } from './schemaPath';
import { builtInDriverChoices } from './snippets';
import type { OutlineBlock } from './tolerantOutline';
import { attributeValueOptions, interpolationOptions, type ValueScope, type ValueSources } from './valueOptions';

function toStep(block: OutlineBlock): BlockStep {
  return { type: block.type, labels: block.labels, driver: block.attributes.find((a) => a.name === 'driver')?.stringValue };
}

function presentIn(block: OutlineBlock, skipAt: number): { attributes: Set<string>; blocks: Set<string> } {
  return {
    attributes: new Set(block.attributes.filter((a) => a.nameStart !== skipAt).map((a) => a.name)),
    blocks: new Set(block.blocks.filter((b) => b.start !== skipAt).map((b) => b.type)),
  };
}

function bodyItems(ctx: CursorContext, steps: BlockStep[], model: SchemaModel, range: Range): CompletionItem[] {
  const schema = bodySchemaAt(model, steps);
  if (!schema) return [];
  const current = ctx.blocks[ctx.blocks.length - 1] ?? ctx.root;
  const items = bodyFieldItems(schema, presentIn(current, ctx.replaceStart), range, builtInDriverChoices(model));
  // `dynamic` generates blocks inside a job; variables and locals have no use for it.
  const dynamic = steps[0]?.type === 'job' ? dynamicBlockItem(schema, range) : undefined;
  return dynamic ? [...items, dynamic] : items;
}

/** A constraint's or affinity's `attribute` as written, quotes removed (interpolations kept). */
function placementTarget(block: OutlineBlock | undefined): string | undefined {
  const written = block?.attributes.find((a) => a.name === 'attribute')?.valueText;
  return written === undefined ? undefined : /^"(.*)"$/.exec(written)?.[1];
}

export function completeHcl(document: TextDocument, offset: number, sources: ValueSources): CompletionItem[] {
  const model = sources.model;
  const ctx = cursorContext(document.getText(), offset);
  const range: Range = { start: document.positionAt(ctx.replaceStart), end: document.positionAt(ctx.replaceEnd) };
  const steps = ctx.blocks.map(toStep);
  const scope: ValueScope = { ...sources, root: ctx.root, blocks: ctx.blocks };
  const place = ctx.place;
  const variablePaths = nomadVarPathItems(document, offset, ctx.blocks[ctx.blocks.length - 1]?.type, sources.clusterFacts);
  if (variablePaths) return variablePaths;
  switch (place.kind) {
    case 'body':
      return bodyItems(ctx, steps, model, range);
    case 'value': {
      const owner = bodySchemaAt(model, steps);
      const property = place.path.length === 1 ? owner?.hclProperty(place.path[0]) : undefined;
      const site = { owner, property, inString: place.inString, inList: place.inList, placementTarget: placementTarget(ctx.blocks[ctx.blocks.length - 1]), durationsAsText: true };
      return attributeValueOptions(scope, site).map((o) => valueItem(o, range));
    }
    case 'interpolation':
      return interpolationOptions(scope).map((o) => valueItem(o, range));
    case 'blockLabel': {
      if (place.blockType !== 'dynamic' || place.labelIndex !== 0) return [];
      const schema = bodySchemaAt(model, steps);
      const repeatable = (schema?.properties ?? []).filter((p) => p.hclName && (p.kind === 'blocks' || p.kind === 'labeledBlocks' || p.kind === 'mapBlocks'));
      return repeatable.map((p) =>
        valueItem({ label: p.hclName as string, insert: place.inString ? p.hclName : `"${p.hclName}"`, kind: CompletionItemKind.Module }, range),
      );
    }
    case 'objectKey':
    case 'none':
      return [];
  }
}
