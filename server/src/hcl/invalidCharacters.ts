// Characters HCL's scanner refuses between tokens although tree-sitter's grammar reads them as
// space: a form feed or vertical tab on its own (Nomad answers "Invalid character"). Inside strings
// and comments they are fine; the shared lexer knows where those are.
import type { SyntaxProblem } from './ast';
import type { LineIndex } from './lineIndex';
import { spanned } from './sourceSpan';
import { lexHcl } from '../../../common/src/hcl/lexer';

const REFUSED_SPACE = /[\f\v]/;
const NAMES: Record<string, string> = { '\f': 'form feed', '\v': 'vertical tab' };
/** One finding per character would flood a file full of them; the first few say enough. */
const MAX_REPORTED = 20;

/** A problem for each form feed or vertical tab outside strings and comments (none for most files, at the cost of one regex test). */
export function invalidCharacters(text: string, lines: LineIndex): SyntaxProblem[] {
  if (!REFUSED_SPACE.test(text)) return [];
  const problems: SyntaxProblem[] = [];
  for (const token of lexHcl(text)) {
    if (problems.length >= MAX_REPORTED) break;
    if (token.kind !== 'invalid') continue;
    for (let i = token.start; i < token.end && problems.length < MAX_REPORTED; i++) {
      const name = NAMES[text[i]];
      if (name) {
        problems.push(spanned<SyntaxProblem>(lines, i, i + 1, { message: `Invalid character: a ${name}; Nomad's HCL reader allows only spaces and tabs between tokens, so remove it` }));
      }
    }
  }
  return problems;
}
