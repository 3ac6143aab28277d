// The nomad-jobs-lint command: the language server's validation for pipelines.
//   nomad-jobs-lint [--format text|json] [--schema-version VERSION] FILE...
// Prints `file:line:col: severity: message [code]` per finding (or a JSON
// array); exits 1 when any finding is an error, 2 on bad usage or unreadable
// files, 0 otherwise.
import { readFile } from 'fs/promises';
import * as path from 'path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../languageService';

interface Options {
  readonly format: 'text' | 'json';
  readonly schemaVersion: string;
  readonly files: readonly string[];
}

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  readonly code: string;
}

const USAGE = 'usage: nomad-jobs-lint [--format text|json] [--schema-version VERSION] FILE...';
const SEVERITIES: Record<DiagnosticSeverity, Finding['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function parseArguments(args: readonly string[]): Options | string {
  let format: Options['format'] = 'text';
  let schemaVersion = 'auto';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--format') {
      const chosen = value();
      if (chosen !== 'text' && chosen !== 'json') return `--format takes "text" or "json"\n${USAGE}`;
      format = chosen;
    } else if (flag === '--schema-version') {
      const chosen = value();
      if (!chosen) return `--schema-version needs a version\n${USAGE}`;
      schemaVersion = chosen;
    } else if (flag === '--help' || flag === '-h') {
      return USAGE;
    } else if (flag.startsWith('-') && flag !== '-') {
      return `unknown option ${flag}\n${USAGE}`;
    } else {
      files.push(arg);
    }
  }
  return files.length === 0 ? USAGE : { format, schemaVersion, files };
}

export function toFinding(file: string, diagnostic: Diagnostic): Finding {
  return {
    file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: SEVERITIES[diagnostic.severity ?? DiagnosticSeverity.Error],
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    code: String(diagnostic.code ?? ''),
  };
}

export function formatText(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message} [${finding.code}]`;
}

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs the command; returns the exit code. */
export async function runLint(args: readonly string[], output: Output): Promise<number> {
  const options = parseArguments(args);
  if (typeof options === 'string') {
    output.stderr(`${options}\n`);
    return 2;
  }
  const service = await createLanguageService();
  const findings: Finding[] = [];
  let unreadable = false;
  for (const file of options.files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      output.stderr(`nomad-jobs-lint: cannot read ${file}: ${(error as Error).message}\n`);
      unreadable = true;
      continue;
    }
    const languageId = path.extname(file).toLowerCase() === '.json' ? 'json' : 'nomad';
    const document = TextDocument.create(`file://${path.resolve(file)}`, languageId, 1, text);
    const parsed = service.parseJobDocument(document, undefined, { languageId });
    if (parsed.shape === 'not-a-job') output.stderr(`nomad-jobs-lint: ${file} is not a Nomad job file; skipped\n`);
    findings.push(...service.doValidation(document, parsed, { schemaVersion: options.schemaVersion, reportJsonSyntaxErrors: true }).map((d) => toFinding(file, d)));
    parsed.dispose();
  }
  output.stdout(options.format === 'json' ? `${JSON.stringify(findings, null, 2)}\n` : findings.map((f) => `${formatText(f)}\n`).join(''));
  if (unreadable) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
