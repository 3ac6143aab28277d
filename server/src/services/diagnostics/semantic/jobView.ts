// One read-only view of a job, whatever it was written in: native HCL and
// HCL-JSON (our AST, through the schema's HCL names) and API JSON (the JSON
// tree, by API names). The semantic rules ask for fields by their API names
// (`RestartPolicy`, `Interval`), as Nomad's own validation does, and get the
// value with the place to report on, so one rule set serves all three shapes.
import type { Node as JsonNode } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Block, Body, Expression } from '../../../hcl/ast';
import { nodeSpan } from '../../../json/jsonDocument';
import type { BlockSchema, SchemaModel } from '../../../schema/schemaModel';
import { parseGoDuration } from '../../../values/goDuration';
import type { Place } from '../ruleContext';

/** A value only Nomad can work out (a reference, a call, a template): rules never judge it. */
export const UNKNOWN = Symbol('unknown');

export type Scalar = string | number | boolean | null;
export type FieldValue = Scalar | readonly Scalar[] | typeof UNKNOWN;

export interface FieldView {
  readonly value: FieldValue;
  /** The value: where a wrong value is reported. */
  readonly place: Place;
  /** The name (attribute name, JSON key, or the label that filled the field). */
  readonly keyPlace: Place;
}

export interface ObjectView {
  /** The block header, or the JSON key holding the object (its `{` in a list). */
  readonly place: Place;
  /** The map key for map-valued blocks (`volume "data"` in HCL, a key of `Volumes` in API JSON). */
  readonly key: string | undefined;
  field(name: string): FieldView | undefined;
  objects(name: string): readonly ObjectView[];
  /** An entry of a map written as a block of attributes (`options { checksum = ... }`), by its exact key as Go's map lookup. */
  entry(key: string): FieldView | undefined;
  /** Nothing written inside (`group "g" {}`); label fields do not count. */
  readonly isEmpty: boolean;
  /** Where the field or block `name` is written: its name, or the block header. */
  placeOf(name: string): Place | undefined;
  /** An edit adding the field (HCL name or API name by syntax) with a value already in this syntax. */
  insertion(hclName: string, apiName: string, valueText: string): { readonly place: Place; readonly newText: string };
}

/** The job of an HCL (or HCL-JSON) file: its first `job` block. */
export function hclJobView(body: Body, schema: SchemaModel): ObjectView | undefined {
  const job = body.items.find((item): item is Block => item.kind === 'block' && item.type === 'job');
  const jobProperty = schema.fileBlock().hclProperty('job');
  const jobSchema = jobProperty?.body;
  if (!job || !jobProperty || !jobSchema) return undefined;
  return new HclObjectView(job, jobSchema, jobProperty.labelFields, schema);
}

export function apiJobView(job: JsonNode, document: TextDocument): ObjectView {
  const holder = job.parent?.type === 'property' ? job.parent.children?.[0] : undefined;
  return new JsonObjectView(job, document, holder, undefined);
}

/**
 * A block, read on demand: a field is found by scanning the block's few
 * items for its HCL name, and only the child lists rules ask for are built.
 * Rules visit a few kinds of blocks, so most of a large job is never read.
 * The scans go over one array made on the first question, holding for each
 * item a number made of its name's length and end characters
 * (nameSignature): rules ask a task some forty names, mostly of things not
 * written, and comparing small integers in one flat array is far cheaper
 * than comparing strings (or reading `kind` and `name` off AST nodes of
 * varying shape) every time; a node is read only when the numbers match.
 */
class HclObjectView implements ObjectView {
  readonly place: Place;
  readonly key: string | undefined;
  /**
   * What rules asked for so far, by the name's number in the schema
   * (BlockSchema.askedName): the field's answer at 2 × slot (null when not
   * written), the child blocks at 2 × slot + 1. Several rules ask a block the
   * same names, and a look-up by position costs the same however many were
   * asked; the array is made on the first question, so unasked blocks cost nothing.
   */
  private answers: unknown[] | undefined;
  /** nameSignature of each item's name (an attribute's name, a block's type), in order. */
  private itemSignatures: number[] | undefined;

  constructor(
    private readonly block: Block,
    private readonly schema: BlockSchema,
    private readonly labelFields: readonly string[],
    private readonly model: SchemaModel,
    mapKey?: boolean,
  ) {
    this.place = block.typeSpan;
    this.key = mapKey ? block.labels[0]?.value : undefined;
  }

  get isEmpty(): boolean {
    return this.block.body.items.length === 0;
  }

  /** The index of the first item at or after `from` named `hclName`, or -1. */
  private nextItem(hclName: string, from: number): number {
    const items = this.block.body.items;
    if (!this.itemSignatures) {
      const signatures = new Array<number>(items.length);
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        signatures[i] = nameSignature(item.kind === 'attribute' ? item.name : item.type);
      }
      this.itemSignatures = signatures;
    }
    const signatures = this.itemSignatures;
    const signature = nameSignature(hclName);
    for (let i = from; i < signatures.length; i++) {
      if (signatures[i] !== signature) continue;
      // Names with equal signatures are nearly always equal: only then is the node read.
      const item = items[i];
      if ((item.kind === 'attribute' ? item.name : item.type) === hclName) return i;
    }
    return -1;
  }

  field(name: string): FieldView | undefined {
    const asked = this.schema.askedName(name);
    if (!asked) return this.labelField(name);
    const answers = (this.answers ??= this.newAnswers());
    const known = answers[2 * asked.slot] as FieldView | null | undefined;
    if (known !== undefined) return known ?? undefined;
    const found = this.labelField(name) ?? this.readField(asked.hclName);
    answers[2 * asked.slot] = found ?? null;
    return found;
  }

  /**
   * Room for the answers to every name asked of this schema so far: filled from empty, the array
   * would be copied into a larger one again and again as rules ask names of higher numbers.
   */
  private newAnswers(): unknown[] {
    return new Array<unknown>(2 * this.schema.askedNames + 2);
  }

  private labelField(name: string): FieldView | undefined {
    // The names first: most blocks have no label fields, and their labels need not be read.
    const label = this.labelFields.includes(name) ? this.block.labels[0] : undefined;
    return label ? { value: label.value, place: label, keyPlace: label } : undefined;
  }

  /** The first attribute with this HCL name (a repeated attribute is reported already). */
  private readField(hclName: string | undefined): FieldView | undefined {
    if (hclName === undefined) return undefined;
    for (let i = this.nextItem(hclName, 0); i >= 0; i = this.nextItem(hclName, i + 1)) {
      const item = this.block.body.items[i];
      if (item.kind === 'attribute') return { value: item.value ? expressionValue(item.value) : UNKNOWN, place: item.value ?? item, keyPlace: item.nameSpan };
    }
    return undefined;
  }

  objects(name: string): readonly ObjectView[] {
    const asked = this.schema.askedName(name);
    // Nothing but schema properties holds blocks.
    if (!asked) return NO_OBJECTS;
    const answers = (this.answers ??= this.newAnswers());
    const cached = answers[2 * asked.slot + 1] as readonly ObjectView[] | undefined;
    if (cached) return cached;
    const inner = asked.blockBody;
    const hclName = asked.hclName;
    let list: ObjectView[] | undefined;
    if (inner && hclName !== undefined) {
      const mapKey = asked.property.kind === 'mapBlocks';
      for (let i = this.nextItem(hclName, 0); i >= 0; i = this.nextItem(hclName, i + 1)) {
        const item = this.block.body.items[i];
        // A `dynamic` block's output is only known to Nomad.
        if (item.kind === 'block') (list ??= []).push(new HclObjectView(item, inner, item.labels.length > 0 ? asked.labelFields : NO_LABEL_FIELDS, this.model, mapKey));
      }
    }
    // Most blocks asked for are not written: they share one empty list.
    const found = list ?? NO_OBJECTS;
    answers[2 * asked.slot + 1] = found;
    return found;
  }

  entry(key: string): FieldView | undefined {
    for (const item of this.block.body.items) {
      if (item.kind === 'attribute' && item.name === key) return { value: item.value ? expressionValue(item.value) : UNKNOWN, place: item.value ?? item, keyPlace: item.nameSpan };
    }
    return undefined;
  }

  placeOf(name: string): Place | undefined {
    const label = this.block.labels[0];
    if (label && this.labelFields.includes(name)) return label;
    const hclName = this.schema.askedName(name)?.hclName;
    const index = hclName === undefined ? -1 : this.nextItem(hclName, 0);
    if (index >= 0) {
      const item = this.block.body.items[index];
      return item.kind === 'attribute' ? item.nameSpan : item.typeSpan;
    }
    return undefined;
  }

  insertion(hclName: string, _apiName: string, valueText: string): { readonly place: Place; readonly newText: string } {
    const at = this.block.bodySpan.range.start;
    const indent = ' '.repeat(this.block.typeSpan.range.start.character + 2);
    return { place: { range: { start: at, end: at } }, newText: `\n${indent}${hclName} = ${valueText}` };
  }
}

const NO_OBJECTS: readonly ObjectView[] = [];
const NO_LABEL_FIELDS: readonly string[] = [];

/** A name's length and first and last characters in one number: equal names have equal signatures. */
function nameSignature(name: string): number {
  return (name.length << 16) | ((name.charCodeAt(0) & 0xff) << 8) | (name.charCodeAt(name.length - 1) & 0xff);
}

function expressionValue(expression: Expression): FieldValue {
  if (expression.kind === 'literal') return expression.value;
  if (expression.kind === 'tuple') {
    const items: Scalar[] = [];
    for (const item of expression.items) {
      if (item.kind !== 'literal') return UNKNOWN;
      items.push(item.value);
    }
    return items;
  }
  return UNKNOWN;
}

class JsonObjectView implements ObjectView {
  private byName: Map<string, JsonNode> | undefined;

  constructor(
    private readonly node: JsonNode,
    private readonly document: TextDocument,
    private readonly holderKey: JsonNode | undefined,
    readonly key: string | undefined,
  ) {}

  get place(): Place {
    return nodeSpan(this.document, this.holderKey ?? { ...this.node, length: 1 });
  }

  get isEmpty(): boolean {
    return (this.node.children ?? []).length === 0;
  }

  /** Go's decoder matches field names without regard to case. */
  private property(name: string): JsonNode | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const property of this.node.children ?? []) {
        const key = property.children?.[0]?.value;
        if (typeof key === 'string' && !this.byName.has(key.toLowerCase())) this.byName.set(key.toLowerCase(), property);
      }
    }
    return this.byName.get(name.toLowerCase());
  }

  field(name: string): FieldView | undefined {
    const property = this.property(name);
    const [key, value] = property?.children ?? [];
    if (!key || !value || value.value === null || value.type === 'null') return undefined;
    return { value: jsonValue(value), place: nodeSpan(this.document, value), keyPlace: nodeSpan(this.document, key) };
  }

  objects(name: string): readonly ObjectView[] {
    const property = this.property(name);
    const [key, value] = property?.children ?? [];
    if (!key || !value) return [];
    if (value.type === 'array') {
      return (value.children ?? []).filter((item) => item.type === 'object').map((item) => new JsonObjectView(item, this.document, undefined, undefined));
    }
    if (value.type !== 'object') return [];
    const entries = value.children ?? [];
    // A map of objects (`Volumes`), or one object (`RestartPolicy`): a map's values are all objects and none of its keys is a field.
    const isMap = entries.length > 0 && /^volumes$/i.test(name) && entries.every((entry) => entry.children?.[1]?.type === 'object');
    if (!isMap) return [new JsonObjectView(value, this.document, key, undefined)];
    return entries.map((entry) => {
      const [entryKey, entryValue] = entry.children ?? [];
      return new JsonObjectView(entryValue as JsonNode, this.document, entryKey, typeof entryKey?.value === 'string' ? entryKey.value : undefined);
    });
  }

  entry(key: string): FieldView | undefined {
    for (const property of this.node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      if (keyNode?.value === key && value && value.type !== 'null') return { value: jsonValue(value), place: nodeSpan(this.document, value), keyPlace: nodeSpan(this.document, keyNode) };
    }
    return undefined;
  }

  placeOf(name: string): Place | undefined {
    const [key, value] = this.property(name)?.children ?? [];
    return key && value && value.type !== 'null' ? nodeSpan(this.document, key) : undefined;
  }

  insertion(_hclName: string, apiName: string, valueText: string): { readonly place: Place; readonly newText: string } {
    const at = this.document.positionAt(this.node.offset + 1);
    const separator = (this.node.children ?? []).length > 0 ? ',' : '';
    return { place: { range: { start: at, end: at } }, newText: ` ${JSON.stringify(apiName)}: ${valueText}${separator}` };
  }
}

function jsonValue(node: JsonNode): FieldValue {
  if (node.type === 'array') {
    const items: Scalar[] = [];
    for (const item of node.children ?? []) {
      if (item.type === 'object' || item.type === 'array') return UNKNOWN;
      items.push(item.value as Scalar);
    }
    return items;
  }
  if (node.type === 'object') return UNKNOWN;
  return node.value as Scalar;
}

// ---- reading values ----

export function known(field: FieldView | undefined): field is FieldView & { value: Exclude<FieldValue, typeof UNKNOWN> } {
  return field !== undefined && field.value !== UNKNOWN;
}

/** The field unless it holds "": API JSON writes Go's zero value for strings nobody set. */
export function nonEmpty(field: FieldView | undefined): FieldView | undefined {
  return field && field.value !== '' ? field : undefined;
}

export function stringOf(field: FieldView | undefined): string | undefined {
  if (!known(field)) return undefined;
  const value = field.value;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A number, as HCL converts it ("10" is 10); undefined when not a number or not known. */
export function numberOf(field: FieldView | undefined): number | undefined {
  if (!known(field)) return undefined;
  const value = field.value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function booleanOf(field: FieldView | undefined): boolean | undefined {
  if (!known(field)) return undefined;
  const value = field.value;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Nanoseconds: API JSON and bare HCL numbers are nanoseconds, HCL strings are Go durations. */
export function durationOf(field: FieldView | undefined): number | undefined {
  if (!known(field)) return undefined;
  const value = field.value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parsedDuration(value);
  return undefined;
}

/**
 * Durations already read: a job writes the same few ("30s", "5m") over and
 * over, and several rules read each one. Bounded, since any text may come.
 */
const durations = new Map<string, number | undefined>();

function parsedDuration(text: string): number | undefined {
  if (durations.has(text)) return durations.get(text);
  if (durations.size >= 512) durations.clear();
  const value = parseGoDuration(text);
  durations.set(text, value);
  return value;
}

export function stringsOf(field: FieldView | undefined): readonly string[] | undefined {
  if (!known(field) || !Array.isArray(field.value)) return undefined;
  const items = field.value as readonly Scalar[];
  return items.every((item) => typeof item === 'string') ? (items as readonly string[]) : undefined;
}

