// Walks an HCL AST alongside the schema: classifies each body's items, hands
// them to the rules, and descends into blocks whose content is known.
// `dynamic` blocks are validated as what they generate; a task's `config`
// follows its driver; free-form content is not descended into.
import type { Block, Body, BodyItem, HclFile } from '../../hcl/ast';
import { isBlockKind, type BlockSchema, type PropertySchema } from '../../schema/schemaModel';
import type { ClassifiedAttribute, ClassifiedBlock, ClassifiedBody, MisplacedItem, ValidationRule } from './rule';
import type { PendingDiagnostic, RuleContext } from './ruleContext';

/**
 * Findings per body, kept between validations of one document. An edit
 * re-reads the changed items and gives their body a new item list (see
 * hcl/incrementalAst.ts), so a body whose item list, schema and context are
 * unchanged reuses its classification and findings; their ranges are read
 * from the nodes at the end, after the edit moved them.
 *
 * Each entry hangs on its body (a symbol-keyed slot, one per cache) rather
 * than in a WeakMap: V8's young-generation GC keeps WeakMap values alive
 * while their keys may be, so a WeakMap kept every replaced AST alive until
 * a full GC (measured: 4 MB copied per scavenge, 20-30 ms pauses, for the
 * 5,000-line job; with the slot, 1.7-3 MB and 3-6 ms).
 */
export class ValidationCache {
  private readonly slot = Symbol('validation');

  get(body: Body): CachedBody | undefined {
    return (body as BodyWithSlot)[this.slot];
  }

  set(body: Body, entry: CachedBody): void {
    (body as BodyWithSlot)[this.slot] = entry;
  }
}

type BodyWithSlot = Body & { [slot: symbol]: CachedBody | undefined };

interface CachedBody {
  readonly items: readonly BodyItem[];
  readonly schema: BlockSchema;
  readonly context: string;
  readonly rules: readonly ValidationRule[];
  readonly classified: ClassifiedBody;
  readonly findings: readonly PendingDiagnostic[];
}

export function walkHclFile(file: HclFile, rules: readonly ValidationRule[], ctx: RuleContext, cache?: ValidationCache): void {
  if (isVariableValuesFile(file)) return;
  new SchemaWalker(rules, ctx, cache).body(file.body, ctx.schema.fileBlock(), undefined, 'the file', []);
}

/** Only `name = value` lines at the top: a file for `-var-file`, whose names are the job's variables, not schema fields. */
function isVariableValuesFile(file: HclFile): boolean {
  const items = file.body.items;
  return items.length > 0 && items.every((item) => item.kind === 'attribute');
}

class SchemaWalker {
  // Each hook's rules, found once: most rules implement one or two hooks, and the walk calls them per item.
  private readonly bodyRules: ValidationRule[];
  private readonly attributeRules: ValidationRule[];
  private readonly blockRules: ValidationRule[];
  private readonly misplacedRules: ValidationRule[];

  constructor(private readonly rules: readonly ValidationRule[], private readonly ctx: RuleContext, private readonly cache: ValidationCache | undefined) {
    this.bodyRules = rules.filter((rule) => rule.checkBody);
    this.attributeRules = rules.filter((rule) => rule.checkAttribute);
    this.blockRules = rules.filter((rule) => rule.checkBlock);
    this.misplacedRules = rules.filter((rule) => rule.checkMisplaced);
  }

  body(body: Body, schema: BlockSchema, owner: Block | undefined, ownerName: string, labelFields: readonly string[]): void {
    const ctx = this.ctx;
    const context = `${ownerName}\u0000${labelFields.join(',')}\u0000${ctx.targetVersion ?? ''}`;
    const cached = this.cache?.get(body);
    let classified: ClassifiedBody;
    if (cached && cached.items === body.items && cached.schema === schema && cached.context === context && cached.rules === this.rules) {
      classified = cached.classified;
      ctx.pending.push(...cached.findings);
    } else {
      classified = this.classify(body, schema, owner, ownerName, labelFields);
      const first = ctx.pending.length;
      for (const rule of this.bodyRules) rule.checkBody?.(classified, ctx);
      for (const attribute of classified.attributes) for (const rule of this.attributeRules) rule.checkAttribute?.(attribute, classified, ctx);
      for (const block of classified.blocks) for (const rule of this.blockRules) rule.checkBlock?.(block, classified, ctx);
      for (const item of classified.misplaced) for (const rule of this.misplacedRules) rule.checkMisplaced?.(item, classified, ctx);
      this.cache?.set(body, { items: body.items, schema, context, rules: this.rules, classified, findings: ctx.pending.slice(first) });
    }
    for (const { block, property, dynamic } of classified.blocks) {
      if (dynamic) {
        this.dynamic(block, property);
        continue;
      }
      const driverAttribute = this.ctx.schema.driverAttribute(property, schema);
      const driver = driverAttribute === undefined ? undefined : literalString(classified.attributes.find((a) => a.attribute.name === driverAttribute));
      const inner = this.ctx.schema.bodyInContext(property, driver);
      if (!inner || inner.freeForm) continue;
      const name = block.labels[0] ? `${block.type} "${block.labels[0].value}"` : block.type;
      this.body(block.body, inner, block, name, block.labels.length > 0 ? property.labelFields : []);
    }
  }

  /** A `dynamic` block: its own arguments against the dynamic schema, its `content` as the generated block. */
  private dynamic(block: Block, generated: PropertySchema): void {
    const dynamicSchema = this.ctx.schema.dynamicBlock();
    if (!dynamicSchema) return;
    const label = block.labels[0]?.value ?? '';
    this.body(block.body, dynamicSchema, block, `dynamic "${label}"`, []);
    // A generated driver config could follow any driver: only the generated blocks of known schema are checked.
    const body = generated.driverField === undefined ? generated.body : undefined;
    if (!body || body.freeForm) return;
    for (const item of block.body.items) {
      if (item.kind === 'block' && item.type === 'content') this.body(item.body, body, item, `${label} (dynamic content)`, generated.labelFields);
    }
  }

  private classify(body: Body, schema: BlockSchema, owner: Block | undefined, ownerName: string, labelFields: readonly string[]): ClassifiedBody {
    const attributes: ClassifiedAttribute[] = [];
    const blocks: ClassifiedBlock[] = [];
    const misplaced: MisplacedItem[] = [];
    for (const item of body.items) {
      if (item.kind === 'attribute') {
        const property = schema.hclProperty(item.name);
        if (property && (!isBlockKind(property.kind) || isMapBlock(property) || schema.isDriverConfig)) attributes.push({ attribute: item, property, value: property });
        else if (!property && schema.extraAttributes) attributes.push({ attribute: item, property: undefined, value: schema.extraAttributes });
        else misplaced.push({ item, property });
        continue;
      }
      const property = schema.hclProperty(item.type);
      if (item.type === 'dynamic' && !property) {
        const generated = schema.hclProperty(item.labels[0]?.value ?? '');
        if (generated && isBlockKind(generated.kind)) blocks.push({ block: item, property: generated, dynamic: true });
        else misplaced.push({ item, property: undefined });
      } else if (property && property.kind !== 'attribute') {
        blocks.push({ block: item, property, dynamic: false });
      } else {
        misplaced.push({ item, property });
      }
    }
    return { body, schema, owner, ownerName, labelFields, attributes, blocks, misplaced };
  }
}

/**
 * A block that is only a map (`tagged_addresses`, `config` of an unknown
 * driver): whether Nomad also takes it as `name = {...}` is not certain, so
 * that form is accepted (its value is still checked as a map).
 */
function isMapBlock(property: PropertySchema): boolean {
  const body = property.body;
  return property.kind === 'block' && body !== undefined && body.properties.length === 0;
}

function literalString(attribute: ClassifiedAttribute | undefined): string | undefined {
  const value = attribute?.attribute.value;
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}
