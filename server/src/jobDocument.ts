// A job file parsed once per version: its shape (detected from content) and
// the trees every service reads. Services never parse again.
import { invalidCharacters } from './hcl/invalidCharacters';
import type { Node } from 'jsonc-parser';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { HclFile, SyntaxProblem } from './hcl/ast';
import type { HclParser, HclSyntaxTree } from './hcl/hclParser';
import { hclJsonToAst } from './json/hclJsonToAst';
import { parseJsonDocument, type JsonDocument } from './json/jsonDocument';
import { isJsonLanguage, jsonJobShape, looksLikeJson, mayBeJsonJob, type JobShape } from '../../common/src/job/jobShape';
import type { SchemaModel } from './schema/schemaModel';

interface ParsedBase {
  readonly uri: string;
  readonly version: number;
  readonly syntaxErrors: readonly SyntaxProblem[];
  /** Frees everything this parse holds outside the JavaScript heap (the syntax tree). */
  dispose(): void;
  /**
   * Frees what is kept only to make the next parse incremental (about 5 MB of
   * WebAssembly memory for a 5,000-line job); the parse result stays usable.
   */
  compact(): void;
}

export interface ParsedHcl extends ParsedBase {
  readonly shape: 'hcl';
  readonly hcl: HclFile;
  readonly syntaxTree: HclSyntaxTree;
  /**
   * The tree-sitter tree (folding, formatting, the next incremental parse),
   * parsed now if the file was read without one; undefined if the parse ran
   * out of time. Owned by this result: do not keep it past dispose().
   */
  syntaxRoot(): SyntaxNode | undefined;
}

export interface ParsedHclJson extends ParsedBase {
  readonly shape: 'hcl-json';
  readonly hcl: HclFile;
  readonly json: JsonDocument;
}

export interface ParsedApiJson extends ParsedBase {
  readonly shape: 'api-json';
  readonly json: JsonDocument;
  /** The Job object: the root, or the value of its `Job` property. */
  readonly job: Node;
}

export interface ParsedNotAJob extends ParsedBase {
  readonly shape: 'not-a-job';
}

export type { JobShape };

export type ParsedJobDocument = ParsedHcl | ParsedHclJson | ParsedApiJson | ParsedNotAJob;

export interface ParseOptions {
  /** The editor's language id: `json` documents are only treated as jobs when their content says so. */
  readonly languageId?: string;
}

export function parseJobDocument(
  document: TextDocument,
  hclParser: HclParser,
  schema: SchemaModel,
  previous?: ParsedJobDocument,
  options: ParseOptions = {},
): ParsedJobDocument {
  const base = { uri: document.uri, version: document.version };
  const text = document.getText();
  const jsonLanguage = isJsonLanguage(options.languageId);
  if (jsonLanguage || looksLikeJson(text)) {
    if (jsonLanguage && !mayBeJsonJob(text)) return notAJob(base);
    const json = parseJsonDocument(document);
    const detected = jsonJobShape(json.root);
    const common = { ...base, syntaxErrors: json.syntaxErrors, dispose: () => undefined, compact: () => undefined };
    if (detected.shape === 'api-json') return { ...common, shape: 'api-json', json, job: detected.job };
    // A `nomad` document in JSON syntax is a jobspec even before its "job" key is typed.
    if (detected.shape === 'hcl-json' || !jsonLanguage) {
      const hcl = json.root
        ? hclJsonToAst(json.root, document, schema, json.syntaxErrors)
        : { body: { items: [], hasError: true }, references: [], syntaxErrors: json.syntaxErrors };
      return { ...common, shape: 'hcl-json', json, hcl };
    }
    return notAJob(base);
  }
  const syntaxTree = hclParser.parse(document, previous?.shape === 'hcl' ? previous.syntaxTree : undefined);
  return {
    ...base,
    shape: 'hcl',
    hcl: syntaxTree.file,
    syntaxTree,
    syntaxRoot: () => hclParser.syntaxRoot(syntaxTree),
    syntaxErrors: [...syntaxTree.file.syntaxErrors, ...invalidCharacters(syntaxTree.text, syntaxTree.lines)],
    dispose: () => syntaxTree.dispose(),
    compact: () => syntaxTree.dispose(),
  };
}

function notAJob(base: { uri: string; version: number }): ParsedNotAJob {
  return { ...base, shape: 'not-a-job', syntaxErrors: [], dispose: () => undefined, compact: () => undefined };
}
