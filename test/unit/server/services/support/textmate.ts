// Loads syntaxes/nomad.tmLanguage.json into the same TextMate engine VS Code uses, for tokenization tests.
import * as fs from 'fs';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoFile } from '../../../../support/repoPaths';

export interface Token {
  text: string;
  scopes: string[];
}

let onigReady: Promise<textmate.IOnigLib> | undefined;

/** The oniguruma wasm may only be loaded once per process. */
export function onigLib(): Promise<textmate.IOnigLib> {
  onigReady ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigReady;
}

export async function loadNomadGrammar(): Promise<textmate.IGrammar> {
  const grammarPath = repoFile('syntaxes', 'nomad.tmLanguage.json');
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.nomad' ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('source.nomad');
  if (!grammar) throw new Error('source.nomad did not load');
  return grammar;
}

/** Tokenizes a whole document line by line, carrying the rule stack across lines as the editor does. */
export function tokenize(grammar: textmate.IGrammar, text: string): Token[][] {
  let stack = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.substring(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}
