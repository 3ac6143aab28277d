// Caret markers for position-based tests: `|` marks the cursor in a source text.
export function withCaret(source: string): { text: string; offset: number } {
  const offset = source.indexOf('|');
  if (offset === -1 || source.indexOf('|', offset + 1) !== -1) throw new Error(`expected exactly one | in ${source}`);
  return { text: source.slice(0, offset) + source.slice(offset + 1), offset };
}
