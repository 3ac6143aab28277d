// Loads tree-sitter (WebAssembly) and the HCL grammar once per process.
//
// Why tree-sitter: it gives a node and position for every token, recovers
// from errors and re-parses incrementally. Measured with this project's bench
// (npm run bench, 5,000-line job, Node 20, two busy cores): a full parse is the
// largest single cost (about 30 ms); an incremental re-parse after a
// one-character edit is well under 1 ms. Positions: when given a JavaScript string,
// web-tree-sitter parses UTF-16 and reports indices in UTF-16 code units,
// which are exactly the offsets TextDocument uses; rows only count "\n", so
// ranges are computed from offsets (see cstToAst.ts), never from rows/columns.
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser } from 'web-tree-sitter';

const RUNTIME_WASM = 'tree-sitter.wasm';
const GRAMMAR_WASM = 'tree-sitter-hcl.wasm';
const PACKAGE_PATHS: Record<string, string> = {
  [RUNTIME_WASM]: 'node_modules/web-tree-sitter/tree-sitter.wasm',
  [GRAMMAR_WASM]: 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
};

/**
 * Finds a wasm file: next to the running bundle (webpack copies both into
 * dist/), otherwise in node_modules above `from` (unit tests run from out/).
 */
export function locateWasm(file: string, from: string = __dirname): string {
  const beside = path.join(from, file);
  if (fs.existsSync(beside)) return beside;
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, PACKAGE_PATHS[file]);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`Cannot find ${file} next to ${from} or in node_modules`);
}

let loading: Promise<Language> | undefined;

/** Initialises the runtime and loads the grammar; later calls share the first promise. */
function loadHclLanguage(wasmDirectory?: string): Promise<Language> {
  loading ??= (async () => {
    const runtime = wasmDirectory ? path.join(wasmDirectory, RUNTIME_WASM) : locateWasm(RUNTIME_WASM);
    await Parser.init({ locateFile: () => runtime });
    const grammar = wasmDirectory ? path.join(wasmDirectory, GRAMMAR_WASM) : locateWasm(GRAMMAR_WASM);
    return Language.load(fs.readFileSync(grammar));
  })();
  return loading;
}

/** A parser bound to the HCL grammar. One is enough per process: parsing is synchronous. */
export async function createHclTreeSitterParser(wasmDirectory?: string): Promise<Parser> {
  const language = await loadHclLanguage(wasmDirectory);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
