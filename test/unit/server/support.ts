// Shared helpers for the language server's unit tests.
import * as assert from 'assert';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type NomadLanguageService, type ParsedJobDocument, type ValidationSettings } from '../../../server/src/languageService';

let service: Promise<NomadLanguageService> | undefined;

/** One service for all tests: loading the WebAssembly grammar is the slow part. */
export function languageService(): Promise<NomadLanguageService> {
  service ??= createLanguageService();
  return service;
}

// Root hook (registered when a test file imports this module): load the
// grammar and compile the API schema once, with a generous bound, so that
// no single test pays for it under mocha's default timeout.
before(async function () {
  this.timeout(120_000);
  await validate('{"Job": {"ID": "warm-up", "TaskGroups": []}}', { languageId: 'json' });
});

export interface Marked {
  readonly text: string;
  /** Ranges written as ⟦...⟧ in the source, in order. */
  readonly ranges: Range[];
}

/** Removes ⟦ ⟧ markers and returns the ranges they enclosed, in document coordinates. */
export function marked(source: string): Marked {
  const offsets: Array<[number, number]> = [];
  let text = '';
  let open = -1;
  for (const ch of source) {
    if (ch === '⟦') open = text.length;
    else if (ch === '⟧') offsets.push([open, text.length]);
    else text += ch;
  }
  const document = TextDocument.create('file:///marked', 'nomad', 1, text);
  return { text, ranges: offsets.map(([start, end]) => ({ start: document.positionAt(start), end: document.positionAt(end) })) };
}

export interface Validated {
  readonly diagnostics: Diagnostic[];
  readonly parsed: ParsedJobDocument;
  readonly document: TextDocument;
}

export async function validate(
  text: string,
  options: { languageId?: string; uri?: string; settings?: Partial<ValidationSettings> } = {},
): Promise<Validated> {
  const ls = await languageService();
  const languageId = options.languageId ?? 'nomad';
  const document = TextDocument.create(options.uri ?? 'file:///test.nomad.hcl', languageId, 1, text);
  const parsed = ls.parseJobDocument(document, undefined, { languageId });
  const diagnostics = ls.doValidation(document, parsed, { schemaVersion: 'auto', reportJsonSyntaxErrors: true, ...options.settings });
  parsed.dispose();
  return { diagnostics, parsed, document };
}

export function withCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

export function listDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} [${String(d.code)}] ${String(d.message)}`).join('\n');
}

/**
 * Validates a source with ⟦ ⟧ markers and asserts that exactly the marked
 * ranges carry `code` (and that nothing else is reported, unless `others` lists it).
 */
export async function expectDiagnostics(source: string, code: string, options: { languageId?: string; settings?: Partial<ValidationSettings>; others?: string[] } = {}): Promise<Diagnostic[]> {
  const { text, ranges } = marked(source);
  const { diagnostics } = await validate(text, options);
  const found = withCode(diagnostics, code);
  assert.deepStrictEqual(found.map((d) => d.range), ranges, `ranges of ${code}:\n${listDiagnostics(diagnostics)}`);
  const unexpected = diagnostics.filter((d) => d.code !== code && !(options.others ?? []).includes(String(d.code)));
  assert.deepStrictEqual(unexpected, [], `unexpected diagnostics:\n${listDiagnostics(unexpected)}`);
  return found;
}

/** A minimal valid job around `taskBody` (the inside of a docker task). */
export function jobWithTask(taskBody: string): string {
  return `job "app" {
  datacenters = ["dc1"]

  group "web" {
    task "server" {
${taskBody}
    }
  }
}
`;
}
