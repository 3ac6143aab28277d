// A tree-sitter HCL parser for tests of services that take a syntax tree.
import { Language, Parser, type Tree } from 'web-tree-sitter';

let parserReady: Promise<Parser> | undefined;

export function hclParser(): Promise<Parser> {
  parserReady ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserReady;
}

export async function parseHcl(text: string): Promise<Tree> {
  const tree = (await hclParser()).parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
