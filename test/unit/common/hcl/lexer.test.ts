import * as assert from 'node:assert/strict';
import { HclScanner, lexHcl, type HclTokenKind } from '../../../../common/src/hcl/lexer';
import { readOutline } from '../../../../common/src/hcl/outline';
import { seededRandom } from '../../../support/random';

/** `kind:text` of every token but line breaks, for compact expectations. */
function tokens(text: string): string[] {
  return lexHcl(text)
    .filter((token) => token.kind !== 'newline')
    .map((token) => `${token.kind}:${text.slice(token.start, token.end)}`);
}

function kinds(text: string): HclTokenKind[] {
  return lexHcl(text).map((token) => token.kind);
}

describe('HCL lexer', () => {
  it('reads identifiers with dashes, numbers, symbols and brackets as HCL does', () => {
    assert.deepEqual(tokens('a-b = [1.5e3, x...] == !y =>'), [
      'ident:a-b',
      'symbol:=',
      'oBrack:[',
      'number:1.5e3',
      'symbol:,',
      'ident:x',
      'symbol:...',
      'cBrack:]',
      'symbol:==',
      'symbol:!',
      'ident:y',
      'symbol:=>',
    ]);
    assert.deepEqual(tokens('n = 1.'), ['ident:n', 'symbol:=', 'number:1', 'symbol:.']);
  });

  it('splits a string into literal parts and template sequences, keeping $${ and %%{ literal', () => {
    assert.deepEqual(tokens('"a ${var.x} $${no} %%{no} %{ if y }b%{~ endif ~}"'), [
      'oQuote:"',
      'quotedLit:a ',
      'templateInterp:${',
      'ident:var',
      'symbol:.',
      'ident:x',
      'templateSeqEnd:}',
      'quotedLit: $${no} %%{no} ',
      'templateControl:%{',
      'ident:if',
      'ident:y',
      'templateSeqEnd:}',
      'quotedLit:b',
      'templateControl:%{~',
      'ident:endif',
      'templateSeqEnd:~}',
      'cQuote:"',
    ]);
  });

  it('nests strings and objects inside interpolations', () => {
    assert.deepEqual(tokens('"${lookup({a = "}"}, "a")}"'), [
      'oQuote:"',
      'templateInterp:${',
      'ident:lookup',
      'oParen:(',
      'oBrace:{',
      'ident:a',
      'symbol:=',
      'oQuote:"',
      'quotedLit:}',
      'cQuote:"',
      'cBrace:}',
      'symbol:,',
      'oQuote:"',
      'quotedLit:a',
      'cQuote:"',
      'cParen:)',
      'templateSeqEnd:}',
      'cQuote:"',
    ]);
  });

  it('keeps escaped quotes inside a string literal', () => {
    assert.deepEqual(tokens('"a\\"b" x'), ['oQuote:"', 'quotedLit:a\\"b', 'cQuote:"', 'ident:x']);
  });

  it('closes a heredoc only on a line holding just its marker, followed by a line break', () => {
    const text = 'a = <<EOT\n  EOT is not alone\nEOTX\n  EOT  \nb = 1\n';
    assert.deepEqual(tokens(text), [
      'ident:a',
      'symbol:=',
      'oHeredoc:<<EOT\n',
      'stringLit:  EOT is not alone\n',
      'stringLit:EOTX\n',
      'cHeredoc:  EOT  ',
      'ident:b',
      'symbol:=',
      'number:1',
    ]);
  });

  it('reads <<- heredocs, template sequences inside them and CRLF line breaks', () => {
    const text = 'a = <<-EOT\r\n  x ${y} EOT\r\n  EOT\r\n';
    assert.deepEqual(tokens(text), [
      'ident:a',
      'symbol:=',
      'oHeredoc:<<-EOT\r\n',
      'stringLit:  x ',
      'templateInterp:${',
      'ident:y',
      'templateSeqEnd:}',
      'stringLit: EOT\r\n',
      'cHeredoc:  EOT',
    ]);
  });

  it('does not close a heredoc on a marker line interrupted by a template sequence', () => {
    assert.deepEqual(kinds('a = <<EOT\n${x}EOT\nEOT\n').slice(2), ['oHeredoc', 'templateInterp', 'ident', 'templateSeqEnd', 'stringLit', 'cHeredoc', 'newline']);
  });

  it('leaves a heredoc whose marker ends the text without a line break open, as HCL does', () => {
    assert.deepEqual(kinds('a = <<EOT\nx\nEOT'), ['ident', 'symbol', 'oHeredoc', 'stringLit', 'stringLit']);
  });

  it('needs the heredoc marker to end its line', () => {
    assert.deepEqual(tokens('a = <<EOT x\n'), ['ident:a', 'symbol:=', 'symbol:<', 'symbol:<', 'ident:EOT', 'ident:x']);
  });

  it('reads the three comment forms, a block comment up to the first */', () => {
    assert.deepEqual(tokens('# one\n// two\r\n/* three */ */ x'), ['comment:# one', 'comment:// two', 'comment:/* three */', 'symbol:*', 'symbol:/', 'ident:x']);
    assert.deepEqual(tokens('"#no" # "yes"'), ['oQuote:"', 'quotedLit:#no', 'cQuote:"', 'comment:# "yes"']);
  });

  it('ends an unterminated string at its line so the next line reads normally', () => {
    assert.deepEqual(tokens('a = "open\nb = 1'), ['ident:a', 'symbol:=', 'oQuote:"', 'quotedLit:open', 'ident:b', 'symbol:=', 'number:1']);
  });

  it('skips a byte order mark and never splits a surrogate pair', () => {
    assert.deepEqual(tokens('\ufeffa 😀'), ['ident:a', 'invalid:😀']);
  });

  it('hands out the same tokens one at a time, reads on as code from any offset after reset, and ends with kind end', () => {
    const text = 'a = "x ${b}"\nc = 1';
    const scanner = new HclScanner(text);
    const seen: string[] = [];
    while (scanner.next()) seen.push(`${scanner.kind()}:${text.slice(scanner.start, scanner.end)}`);
    assert.deepEqual(seen, lexHcl(text).map((token) => `${token.kind}:${text.slice(token.start, token.end)}`));
    assert.deepEqual([scanner.kind(), scanner.start, scanner.end], ['end', text.length, text.length]);
    // From inside the string, after reset, `x ${b}"` is code: an identifier, an invalid `$`, a brace.
    scanner.reset(text.indexOf('x'));
    const fromInside: string[] = [];
    for (let i = 0; i < 4 && scanner.next(); i++) fromInside.push(`${scanner.kind()}:${text.slice(scanner.start, scanner.end)}`);
    assert.deepEqual(fromInside, ['ident:x', 'invalid:$', 'oBrace:{', 'ident:b']);
    scanner.reset(text.indexOf('='));
    scanner.next();
    assert.ok(scanner.isSymbol('=') && !scanner.isSymbol('=='));
  });

  it('covers any text with tokens in order and never throws', () => {
    const samples = ['', '"', '${', '<<', '<<EOT\n', '}}}', '"${"${"', '/*', 'a = "\\', '~}', '%{', '\r'];
    for (const text of samples) {
      let previousEnd = 0;
      for (const token of lexHcl(text)) {
        assert.ok(token.start >= previousEnd && token.end > token.start && token.end <= text.length, JSON.stringify(text));
        previousEnd = token.end;
      }
    }
  });

  it('reads random HCL-like text without throwing, every token in order (outline too)', () => {
    const random = seededRandom(15);
    const pieces = ['job', ' "x"', ' {', '}', '\n', '\r\n', ' = ', '"', '${', '%{', '~}', '<<EOT\n', '<<-EOT\n', 'EOT\n', '  EOT\n', '#', '//', '/*', '*/', '[', ']', '(', ')', '$${', '\\', '1.5', 'é', '😀', '\t', ',', '.'];
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      let previousEnd = 0;
      for (const token of lexHcl(text)) {
        assert.ok(token.start >= previousEnd && token.end > token.start && token.end <= text.length, JSON.stringify(text));
        previousEnd = token.end;
      }
      readOutline(text);
    }
  });
});
