// Answers questions about the jobspec schema: which blocks and attributes a
// block allows, a property's kind, type, enum, version and description, API
// <-> HCL names, and driver `config` schemas. The only module that reads the
// raw JSON Schema data, so a change of data layout stays local to it.
import type { HclKind, JsonSchema, JsonType } from './jsonSchema';

/** The schema documents, as shipped in common/schema/ (described in its README.md). */
export interface SchemaDocuments {
  readonly job: JsonSchema;
  readonly file: JsonSchema;
  readonly drivers: Readonly<Record<string, JsonSchema>>;
}

/** What a value may be. `types` empty means anything. */
export interface ValueSchema {
  readonly types: readonly JsonType[];
  readonly enumValues: readonly unknown[] | undefined;
  readonly duration: boolean;
  readonly minimum: number | undefined;
  /** Element schema of a list. */
  readonly items: ValueSchema | undefined;
  /** Value schema of a map. */
  readonly mapValues: ValueSchema | undefined;
}

export type BlockKind = Exclude<HclKind, 'attribute' | 'mapAttribute'>;

export function isBlockKind(kind: HclKind): kind is BlockKind {
  return kind === 'block' || kind === 'blocks' || kind === 'labeledBlocks' || kind === 'mapBlocks';
}

/** Labels a block of this kind takes. */
export function labelCount(kind: BlockKind): number {
  return kind === 'labeledBlocks' || kind === 'mapBlocks' ? 1 : 0;
}

type DocumentName = 'job' | 'file' | `driver:${string}`;

interface Located {
  readonly document: DocumentName;
  readonly schema: JsonSchema;
}

export class PropertySchema implements ValueSchema {
  readonly types: readonly JsonType[];
  readonly enumValues: readonly unknown[] | undefined;
  readonly duration: boolean;
  readonly minimum: number | undefined;
  /** Stands for this property while its model lives, e.g. in a completion item's data; see SchemaModel.propertyById. */
  readonly id: number;
  private bodyCache: BlockSchema | undefined | null = null;
  private hclNameCache: string | undefined | null = null;
  private kindCache: HclKind | undefined;

  constructor(
    private readonly model: SchemaModel,
    /** Key in the schema: the API name in job.schema.json, the HCL name elsewhere. */
    readonly key: string,
    /** The property's own schema: annotations live here, structure may sit behind its $ref. */
    private readonly located: Located,
    readonly required: boolean,
  ) {
    const value = model.valueSchema(located);
    this.types = value.types;
    this.enumValues = value.enumValues;
    this.duration = value.duration;
    this.minimum = value.minimum;
    this.id = model.registerProperty(this);
  }

  private get raw(): JsonSchema {
    return this.located.schema;
  }

  /** API (Go/JSON) name; undefined for HCL-only constructs. */
  get apiName(): string | undefined {
    return this.located.document === 'job' && !this.hclOnly ? this.key : undefined;
  }

  /** HCL name; undefined for fields only the server sets. */
  get hclName(): string | undefined {
    // Kept: readers of every body of a job ask it, and the raw schema is a JSON object read by key.
    if (this.hclNameCache === null) this.hclNameCache = this.raw['x-hcl'] ?? (this.located.document === 'job' ? undefined : this.key);
    return this.hclNameCache;
  }

  get kind(): HclKind {
    return (this.kindCache ??= this.raw['x-hclKind'] ?? 'attribute');
  }

  get description(): string | undefined {
    return this.raw.description ?? this.model.resolveIn(this.located.document, this.raw).schema.description;
  }

  get since(): string | undefined {
    return this.raw['x-since'];
  }

  /** The version to check when the property is written in HCL. */
  get hclSince(): string | undefined {
    return this.raw['x-hclSince'] ?? this.raw['x-since'];
  }

  get deprecated(): string | undefined {
    return this.raw['x-deprecated'];
  }

  get readOnly(): boolean {
    return this.raw['x-readOnly'] === true;
  }

  get hclOnly(): boolean {
    return this.raw['x-hclOnly'] === true;
  }

  get defaultValue(): unknown {
    return this.raw.default;
  }

  /** Body fields the block's label fills (labeledBlocks), e.g. `Name`. */
  get labelFields(): readonly string[] {
    return this.raw['x-labelFills'] ?? (this.raw['x-label'] ? [this.raw['x-label']] : []);
  }

  /** Labels allowed for this block, when the set is closed. */
  get labelEnum(): readonly string[] | undefined {
    return this.raw['x-labelEnum'];
  }

  /** How many blocks of this property one body may hold. */
  get maxBlocks(): number | undefined {
    if (this.kind === 'block' || this.kind === 'mapAttribute') return 1;
    return this.raw['x-maxBlocks'] ?? this.raw.maxItems;
  }

  /** For a driver `config` property: the API name of the field naming the driver. */
  get driverField(): string | undefined {
    return this.raw['x-driverConfig'];
  }

  get items(): ValueSchema | undefined {
    return this.model.valueSchema(this.located).items;
  }

  get mapValues(): ValueSchema | undefined {
    return this.model.valueSchema(this.located).mapValues;
  }

  /** What may appear inside the block(s) this property is written as; undefined for plain attributes. */
  get body(): BlockSchema | undefined {
    if (this.bodyCache === null) this.bodyCache = this.model.bodyOf(this.located, this.kind, this.key);
    return this.bodyCache;
  }
}

/** A property as readers of bodies ask for it (BlockSchema.askedName), with what they look up each time worked out once. */
export class AskedName {
  readonly hclName: string | undefined;
  /** The schema of the blocks it is written as; undefined for attributes and for a driver's `config` (which follows the driver). */
  readonly blockBody: BlockSchema | undefined;
  /** Fields a label of those blocks fills. */
  readonly labelFields: readonly string[];

  constructor(readonly slot: number, readonly property: PropertySchema) {
    this.hclName = property.hclName;
    this.blockBody = property.driverField === undefined ? property.body : undefined;
    this.labelFields = property.labelFields;
  }
}

export class BlockSchema {
  private byHcl: Map<string, PropertySchema> | undefined;
  private byApi: Map<string, PropertySchema> | undefined;
  private slots: Map<string, number> | undefined;
  private names: readonly string[] | undefined;
  private readonly asked = new Map<string, AskedName | null>();
  private askedCount = 0;
  private all: PropertySchema[] | undefined;
  // Validation asks these for every body of a job: worked out once per schema (the schema never changes).
  private extra: ValueSchema | undefined | null = null;
  private free: boolean | undefined;
  private required: PropertySchema[] | undefined;

  constructor(
    private readonly model: SchemaModel,
    /** A definition name (`Task`), a driver name, or the property key for inline schemas. */
    readonly name: string,
    private readonly located: Located,
  ) {}

  get description(): string | undefined {
    return this.located.schema.description;
  }

  get properties(): readonly PropertySchema[] {
    if (!this.all) {
      const required = new Set(this.located.schema.required ?? []);
      this.all = Object.entries(this.located.schema.properties ?? {}).map(
        ([key, schema]) => new PropertySchema(this.model, key, { document: this.located.document, schema }, required.has(key)),
      );
    }
    return this.all;
  }

  hclProperty(name: string): PropertySchema | undefined {
    this.byHcl ??= new Map(this.properties.filter((p) => p.hclName !== undefined).map((p) => [p.hclName as string, p]));
    return this.byHcl.get(name);
  }

  apiProperty(name: string): PropertySchema | undefined {
    this.byApi ??= new Map(this.properties.filter((p) => p.apiName !== undefined).map((p) => [p.apiName as string, p]));
    return this.byApi.get(name);
  }

  /**
   * The index in `properties` of the property with this API name, else with
   * this HCL name; -1 when there is none. Lets a reader of a body keep its
   * answers in an array by position instead of searching them by name.
   */
  slotOf(name: string): number {
    if (!this.slots) {
      const slots = new Map<string, number>();
      const properties = this.properties;
      for (let i = 0; i < properties.length; i++) if (properties[i].hclName !== undefined && !slots.has(properties[i].hclName as string)) slots.set(properties[i].hclName as string, i);
      // API names win over HCL names, as in the semantic view's lookups.
      for (let i = 0; i < properties.length; i++) if (properties[i].apiName !== undefined) slots.set(properties[i].apiName as string, i);
      this.slots = slots;
    }
    return this.slots.get(name) ?? -1;
  }

  /**
   * The property a reader asks for by `name` (API name, else HCL name) in bodies of this schema,
   * with a small number of its own (`slot`), handed out in the order names are first asked for. A
   * reader that keeps answers by it needs an array only as long as the names readers ask (a few of
   * a task's dozens of properties), where positions in `properties` run to the schema's size. The
   * record is kept, so a reader asking the same name of thousands of bodies resolves it once.
   */
  askedName(name: string): AskedName | undefined {
    let asked = this.asked.get(name);
    if (asked === undefined) {
      const slot = this.slotOf(name);
      asked = slot < 0 ? null : new AskedName(this.askedCount++, this.properties[slot]);
      this.asked.set(name, asked);
    }
    return asked ?? undefined;
  }

  /** How many names askedName has numbered so far: the length a reader's array of answers will most likely need. */
  get askedNames(): number {
    return this.askedCount;
  }

  /** HCL names that may be written here, for suggestions and completion (made once: a file may hold thousands of unknown names). */
  hclNames(): readonly string[] {
    this.names ??= this.properties.flatMap((p) => (p.hclName === undefined ? [] : [p.hclName]));
    return this.names;
  }

  /** Attributes with any name are allowed, with values like this (`meta`, `env`, `locals`). */
  get extraAttributes(): ValueSchema | undefined {
    if (this.extra === null) {
      const extra = this.located.schema.additionalProperties;
      this.extra = extra === undefined || typeof extra === 'boolean'
        ? (this.freeForm ? anyValue : undefined)
        : this.model.valueSchema(this.model.resolveIn(this.located.document, extra));
    }
    return this.extra;
  }

  /**
   * A task driver's `config`. Nomad hands it to the driver as a JSON-like map,
   * so a nested block may also be written as an attribute holding an object or
   * a list of objects (`mounts = [{...}]`), and repeated map blocks
   * (`port_map {}` twice) become a list.
   */
  get isDriverConfig(): boolean {
    return this.located.document.startsWith('driver:');
  }

  /** Nothing inside is known (a driver without a schema, free-form maps): no checks apply. */
  get freeForm(): boolean {
    if (this.free === undefined) {
      const schema = this.located.schema;
      const hasProperties = Object.keys(schema.properties ?? {}).length > 0;
      this.free = schema === FREE_FORM || schema.additionalProperties === true || (!hasProperties && schema.additionalProperties === undefined);
    }
    return this.free;
  }

  /** Properties a body must hold, as the required rule checks them (no default, not set by the server). */
  get requiredProperties(): readonly PropertySchema[] {
    this.required ??= this.properties.filter((p) => p.required && p.hclName !== undefined && !p.readOnly && p.defaultValue === undefined);
    return this.required;
  }
}

/** Stands for content nothing is known about (config of a driver without a schema). */
const FREE_FORM: JsonSchema = { type: 'object', additionalProperties: true };

const anyValue: ValueSchema = { types: [], enumValues: undefined, duration: false, minimum: undefined, items: undefined, mapValues: undefined };

export class SchemaModel {
  private readonly blockCache = new Map<JsonSchema, BlockSchema>();
  private readonly valueCache = new Map<JsonSchema, ValueSchema>();
  /** Every property made so far, at its id. Blocks cache their properties, so this stays as large as the schema. */
  private readonly registered: PropertySchema[] = [];

  constructor(readonly documents: SchemaDocuments) {}

  /** Top level of an HCL job file: `job`, `variable`, `variables`, `locals`. */
  fileBlock(): BlockSchema {
    return this.blockFor('file', { document: 'file', schema: this.documents.file });
  }

  /** The Job definition, for API JSON. */
  jobBlock(): BlockSchema | undefined {
    const job = this.definition('job', 'Job');
    return job && this.blockFor('Job', job);
  }

  /** Schema of a built-in driver's `config` block; undefined for other drivers (free-form). */
  driverConfig(driver: string): BlockSchema | undefined {
    const schema = Object.prototype.hasOwnProperty.call(this.documents.drivers, driver) ? this.documents.drivers[driver] : undefined;
    return schema && this.blockFor(driver, { document: `driver:${driver}`, schema });
  }

  driverNames(): string[] {
    return Object.keys(this.documents.drivers);
  }

  /** The `dynamic` block's own attributes (for_each, iterator, labels, content). */
  dynamicBlock(): BlockSchema | undefined {
    const dynamic = this.definition('file', 'dynamic') ?? this.definition('file', 'Dynamic');
    return dynamic && this.blockFor('dynamic', dynamic);
  }

  /** Content nothing is known about: validation does not look inside. */
  freeFormBlock(): BlockSchema {
    return this.blockFor('free-form', { document: 'file', schema: FREE_FORM });
  }

  /**
   * The body schema of a block in its context: a task's `config` follows the
   * task's `driver`. Built-in drivers have schemas; other drivers, or a
   * driver given by an expression (`driver` undefined), leave it free-form.
   */
  bodyInContext(property: PropertySchema, driver: string | undefined): BlockSchema | undefined {
    if (property.driverField === undefined) return property.body;
    return (driver !== undefined ? this.driverConfig(driver) : undefined) ?? this.freeFormBlock();
  }

  /** HCL name of the attribute that names the driver for a driver `config` property (`driver`). */
  driverAttribute(property: PropertySchema, owner: BlockSchema): string | undefined {
    return property.driverField === undefined ? undefined : owner.apiProperty(property.driverField)?.hclName;
  }

  /** Follows the HCL block path from the file top, e.g. ['job', 'group', 'task']; driver configs are not resolved here. */
  blockAt(path: readonly string[]): BlockSchema | undefined {
    let block: BlockSchema | undefined = this.fileBlock();
    for (const name of path) block = block?.hclProperty(name)?.body;
    return block;
  }

  /** The property with this `id` (PropertySchema.id); undefined for ids this model never gave out. */
  propertyById(id: number): PropertySchema | undefined {
    return Number.isInteger(id) && id >= 0 ? this.registered[id] : undefined;
  }

  // ---- used by PropertySchema / BlockSchema ----

  registerProperty(property: PropertySchema): number {
    return this.registered.push(property) - 1;
  }

  /** Follows `$ref`s to the schema that has the structure (annotations stay on the referring schema). */
  resolveIn(document: DocumentName, schema: JsonSchema): Located {
    let located: Located = { document, schema };
    for (let hops = 0; located.schema.$ref && hops < 16; hops++) {
      located = this.resolveRef(located.document, located.schema.$ref) ?? located;
    }
    return located;
  }

  valueSchema(own: Located): ValueSchema {
    const cached = this.valueCache.get(own.schema);
    if (cached) return cached;
    const members = this.members(own);
    const items = members.find((s) => s.schema.items);
    const map = members.find((s) => typeof s.schema.additionalProperties === 'object');
    // items/mapValues are computed on first use: schemas can be recursive (a driver block's items refer to the block).
    const model = this;
    let itemSchema: ValueSchema | undefined;
    let mapSchema: ValueSchema | undefined;
    const value: ValueSchema = {
      types: [...new Set(members.flatMap((s) => typesOf(s.schema)))].filter((t) => t !== 'null'),
      enumValues: members.find((s) => s.schema.enum)?.schema.enum,
      duration: members.some((s) => s.schema['x-duration'] === true),
      minimum: members.find((s) => s.schema.minimum !== undefined)?.schema.minimum,
      get items() {
        itemSchema ??= items && model.valueSchema({ document: items.document, schema: items.schema.items as JsonSchema });
        return itemSchema;
      },
      get mapValues() {
        mapSchema ??= map && model.valueSchema({ document: map.document, schema: map.schema.additionalProperties as JsonSchema });
        return mapSchema;
      },
    };
    this.valueCache.set(own.schema, value);
    return value;
  }

  /** The schema itself, its $ref target and its anyOf/oneOf alternatives, each resolved. */
  private members(own: Located): Located[] {
    const alternatives = [...(own.schema.anyOf ?? []), ...(own.schema.oneOf ?? [])].map((s) => this.resolveIn(own.document, s));
    const target = this.resolveIn(own.document, own.schema);
    return target.schema === own.schema ? [own, ...alternatives] : [own, target, ...alternatives];
  }

  bodyOf(own: Located, kind: HclKind, key: string): BlockSchema | undefined {
    const located = this.resolveIn(own.document, own.schema);
    const schema = located.schema;
    switch (kind) {
      case 'attribute':
        return undefined;
      case 'mapAttribute':
        return this.blockFor(key, located); // written as a block of attributes
      case 'mapBlocks':
      case 'blocks':
      case 'labeledBlocks': {
        // A list of objects (items), a map of objects keyed by label (additionalProperties), or the object itself.
        const values = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
        const element = kind === 'mapBlocks' ? values ?? schema.items : schema.items ?? values;
        return this.blockFor(key, element ? this.resolveIn(located.document, element) : located);
      }
      case 'block': {
        const member = this.members(own).find((s) => s.schema !== own.schema && (s.schema.properties || typesOf(s.schema).includes('object')));
        return this.blockFor(key, member ?? located);
      }
    }
  }

  private blockFor(name: string, located: Located): BlockSchema {
    let block = this.blockCache.get(located.schema);
    if (!block) {
      block = new BlockSchema(this, definitionName(this.documents, located.schema) ?? name, located);
      this.blockCache.set(located.schema, block);
    }
    return block;
  }

  private definition(document: 'job' | 'file', name: string): Located | undefined {
    const schema = this.documents[document].definitions?.[name];
    return schema && { document, schema };
  }

  private resolveRef(from: DocumentName, ref: string): Located | undefined {
    const [file, pointer = ''] = ref.split('#');
    const document: DocumentName = file === '' ? from : /job\.schema\.json$/.test(file) ? 'job' : /hcl-file\.json$/.test(file) ? 'file' : from;
    const root = document === 'job' ? this.documents.job : document === 'file' ? this.documents.file : this.documents.drivers[document.slice(7)];
    let target: unknown = root;
    for (const part of pointer.split('/').filter(Boolean)) {
      target = (target as Record<string, unknown> | undefined)?.[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return target && typeof target === 'object' ? { document, schema: target as JsonSchema } : undefined;
  }
}

function typesOf(schema: JsonSchema): JsonType[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

function definitionName(documents: SchemaDocuments, schema: JsonSchema): string | undefined {
  for (const document of [documents.job, documents.file]) {
    for (const [name, definition] of Object.entries(document.definitions ?? {})) {
      if (definition === schema) return name;
    }
  }
  return undefined;
}
