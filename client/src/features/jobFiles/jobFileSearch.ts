// Finds the files that define a job of the cluster: open documents first (their text may not be
// saved yet), then workspace files with job-file names, bounded in number and size so a large
// workspace cannot stall the search.
import * as vscode from 'vscode';
import { isUserDocument } from './userDocument';
import {
  JOB_FILE_GLOB,
  JOB_FILE_SEARCH_EXCLUDE,
  jobFileLanguage,
  matchJobFile,
  type ClusterJobRef,
  type JobFileMatch,
} from './jobFileMatch';

/** More candidates than this means a huge workspace; the first ones found are searched. */
const MAX_FILES = 2000;
/** Job files are small; anything bigger is data, not a job. */
const MAX_BYTES = 1024 * 1024;
/** Files read at once: enough to hide the round trips of a remote workspace, few enough to stay light. */
const READ_BATCH = 16;

export interface JobFileSearchResult {
  /** Files whose plan is a plan of this job, open documents first. */
  matches: vscode.Uri[];
  /** Files with the same job ID that would be planned into another namespace (to explain an empty result). */
  otherNamespace: vscode.Uri[];
}

/** Undefined when cancelled. */
export async function findJobFiles(
  job: ClusterJobRef,
  connectionNamespace: string | undefined,
  token: vscode.CancellationToken,
): Promise<JobFileSearchResult | undefined> {
  const result: JobFileSearchResult = { matches: [], otherNamespace: [] };
  const record = (uri: vscode.Uri, match: JobFileMatch | undefined): void => {
    if (match === 'match') result.matches.push(uri);
    else if (match === 'otherNamespace') result.otherNamespace.push(uri);
  };
  const searched = new Set<string>();
  for (const document of vscode.workspace.textDocuments.filter(isUserDocument)) {
    searched.add(document.uri.toString());
    record(document.uri, matchJobFile(document.getText(), document.languageId, job, connectionNamespace));
  }
  const files = (await vscode.workspace.findFiles(JOB_FILE_GLOB, JOB_FILE_SEARCH_EXCLUDE, MAX_FILES, token))
    .filter((uri) => !searched.has(uri.toString()))
    .sort((a, b) => a.path.localeCompare(b.path));
  for (let start = 0; start < files.length; start += READ_BATCH) {
    if (token.isCancellationRequested) return undefined;
    const batch = files.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map(readSmallFile));
    batch.forEach((uri, i) => {
      const text = texts[i];
      if (text !== undefined) record(uri, matchJobFile(text, jobFileLanguage(uri.path), job, connectionNamespace));
    });
  }
  return token.isCancellationRequested ? undefined : result;
}

async function readSmallFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // Deleted or unreadable since the search listed it: it defines nothing we can plan.
    return undefined;
  }
}
