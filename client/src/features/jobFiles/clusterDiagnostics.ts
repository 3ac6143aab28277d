// Problems the cluster found in a job file (parse errors, validation errors,
// placement warnings), shown in the Problems panel under "nomad-cluster".
// They describe the text the cluster saw, so any edit to a file clears its
// entries; a later successful check clears them too.
import * as vscode from 'vscode';
import type { HclProblem } from './hclErrors';
import type { JobParseError } from './jobLoader';

const SOURCE = 'Nomad cluster';
const END_OF_LINE = 10_000; // VS Code clamps columns to the line's length

export class ClusterDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('nomad-cluster');
  /** Per job file, the other files (variable files) that its last check reported on. */
  private readonly related = new Map<string, vscode.Uri[]>();
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length && this.collection.has(event.document.uri)) this.collection.delete(event.document.uri);
  });

  clear(jobUri: vscode.Uri): void {
    this.collection.delete(jobUri);
    for (const uri of this.related.get(jobUri.toString()) ?? []) this.collection.delete(uri);
    this.related.delete(jobUri.toString());
  }

  /** Reports where the cluster's HCL parser failed; returns how many problems were reported. */
  reportParseError(document: vscode.TextDocument, jobLine: number, error: JobParseError): number {
    this.clear(document.uri);
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, diagnostic: vscode.Diagnostic): void => {
      const entry = byFile.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(diagnostic);
      byFile.set(uri.toString(), entry);
    };
    for (const problem of error.parsed.job) add(document.uri, diagnostic(problemRange(problem), problem.message));
    for (const problem of error.parsed.variables) {
      const origin = error.variables?.origins[problem.startLine];
      if (origin && /^[a-z][a-z0-9+.-]*:/i.test(origin.origin)) {
        add(vscode.Uri.parse(origin.origin), diagnostic(new vscode.Range(origin.line, 0, origin.line, END_OF_LINE), problem.message));
      } else {
        const from = origin ? ` (value from ${origin.origin})` : ' (in the variable values)';
        add(document.uri, diagnostic(jobLineRange(document, jobLine), problem.message + from));
      }
    }
    if (error.parsed.unlocated) add(document.uri, diagnostic(jobLineRange(document, jobLine), error.parsed.unlocated));
    for (const { uri, diagnostics } of byFile.values()) this.collection.set(uri, diagnostics);
    this.related.set(
      document.uri.toString(),
      [...byFile.values()].map((entry) => entry.uri).filter((uri) => uri.toString() !== document.uri.toString()),
    );
    return [...byFile.values()].reduce((sum, entry) => sum + entry.diagnostics.length, 0);
  }

  /** Job-wide findings (validation errors, placement warnings) go on the job declaration line. */
  reportOnJob(document: vscode.TextDocument, jobLine: number, findings: { message: string; severity: vscode.DiagnosticSeverity }[]): void {
    this.clear(document.uri);
    const range = jobLineRange(document, jobLine);
    this.collection.set(
      document.uri,
      findings.map((finding) => diagnostic(range, finding.message, finding.severity)),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function diagnostic(range: vscode.Range, message: string, severity = vscode.DiagnosticSeverity.Error): vscode.Diagnostic {
  const result = new vscode.Diagnostic(range, message, severity);
  result.source = SOURCE;
  return result;
}

function problemRange(problem: HclProblem): vscode.Range {
  const empty = problem.startLine === problem.endLine && problem.endColumn <= problem.startColumn;
  return new vscode.Range(problem.startLine, problem.startColumn, problem.endLine, empty ? problem.startColumn + 1 : problem.endColumn);
}

function jobLineRange(document: vscode.TextDocument, line: number): vscode.Range {
  const text = document.lineAt(Math.min(line, document.lineCount - 1));
  return new vscode.Range(text.lineNumber, text.firstNonWhitespaceCharacterIndex, text.lineNumber, text.text.length);
}
