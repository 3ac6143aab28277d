// The shared shape of validation rules. One walk over the AST (schemaWalker)
// classifies every item against the schema and calls each rule's hooks, so a
// rule only states its check and never walks or resolves schemas itself.
import type { Node as JsonNode } from 'jsonc-parser';
import type { Attribute, Block, Body, BodyItem } from '../../hcl/ast';
import type { BlockSchema, PropertySchema, ValueSchema } from '../../schema/schemaModel';
import type { RuleContext } from './ruleContext';

export interface ClassifiedAttribute {
  readonly attribute: Attribute;
  /** Undefined for free-named attributes (a key in `meta { ... }`, a local value). */
  readonly property: PropertySchema | undefined;
  readonly value: ValueSchema;
}

export interface ClassifiedBlock {
  readonly block: Block;
  readonly property: PropertySchema;
  /** The block is `dynamic "<type>" { ... }`, generating blocks of `property`. */
  readonly dynamic: boolean;
}

/** An item the schema does not allow where it is, or allows in the other form (block vs attribute). */
export interface MisplacedItem {
  readonly item: BodyItem;
  /** Set when the name is known but written in the wrong form. */
  readonly property: PropertySchema | undefined;
}

export interface ClassifiedBody {
  readonly body: Body;
  readonly schema: BlockSchema;
  /** The block owning this body; undefined at the top of the file. */
  readonly owner: Block | undefined;
  /** How messages name the owner: `task "web"`, `resources`, `the file`. */
  readonly ownerName: string;
  /** Fields the owner's label fills, so never written as attributes. */
  readonly labelFields: readonly string[];
  readonly attributes: readonly ClassifiedAttribute[];
  readonly blocks: readonly ClassifiedBlock[];
  readonly misplaced: readonly MisplacedItem[];
}

export interface ValidationRule {
  /** Checks needing the whole document (syntax errors, references, API JSON schema). */
  checkDocument?(ctx: RuleContext): void;
  checkBody?(body: ClassifiedBody, ctx: RuleContext): void;
  checkAttribute?(attribute: ClassifiedAttribute, owner: ClassifiedBody, ctx: RuleContext): void;
  checkBlock?(block: ClassifiedBlock, owner: ClassifiedBody, ctx: RuleContext): void;
  checkMisplaced?(item: MisplacedItem, owner: ClassifiedBody, ctx: RuleContext): void;
  /** API JSON: a property (key and value node) of an object the schema describes. */
  checkApiProperty?(property: JsonNode, schema: PropertySchema, ctx: RuleContext): void;
}
