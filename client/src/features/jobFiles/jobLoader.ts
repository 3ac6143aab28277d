// Turns the job file open in the editor into a Job for the API: HCL through
// the cluster's parser (with the job's variables), HCL-JSON and API JSON
// converted locally. Unsaved edits count: we plan what the editor shows.
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import type { EvaluateJobResult } from '../../../../common/src/protocol/evaluateJob';
import { agentVersion } from '../../nomad/agent';
import { hasFeature } from '../../nomad/features';
import type { NomadClient } from '../../nomad/client';
import { isNomadError } from '../../nomad/errors';
import type { Job } from '../../nomad/types';
import type { JobSubmission } from '../../nomad/submissions';
import { parseHclError, type ParsedHclError } from './hclErrors';
import { varFilesSetting } from '../../settings';
import { JobConversionError } from './jobConversionError';
import { attributesOf, blocksOf, readOutline } from '../../../../common/src/hcl/outline';
import { jobDeclarationLine } from '../../../../common/src/job/jobIdentity';
import { jobFileShape, type JobFileShape } from '../../../../common/src/job/jobShape';
import { discoverVarFiles, isVarFileName, leavesFolder } from './varFiles';
import {
  assignmentFromInput,
  environmentValues,
  findVariableDeclarations,
  mergeVariables,
  missingVariables,
  type VariableDeclaration,
  type VariableSource,
  type VariablesContent,
} from './variables';

export interface LoadedJob {
  job: Job;
  format: JobFileShape;
  uri: vscode.Uri;
  fileName: string;
  /** Zero-based line of the job declaration. */
  jobLine: number;
  /** The variables text sent with the HCL; its origins are file URIs or labels such as `NOMAD_VAR_x`. */
  variables?: VariablesContent;
  /** The source as `nomad job run` submits it, for clusters that keep it (1.6+). */
  submission: JobSubmission;
}

/** The cluster could not parse the HCL; `parsed` holds the located problems. */
export class JobParseError extends Error {
  override readonly name = 'JobParseError';
  constructor(
    message: string,
    readonly parsed: ParsedHclError,
    readonly variables: VariablesContent | undefined,
  ) {
    super(message);
  }
}

/** The user dismissed a prompt for variable files or values. */
export class JobLoadCancelled extends Error {
  override readonly name = 'JobLoadCancelled';
}

/** The prompts the loader needs; tests can pass their own. */
export interface VariableUi {
  pickVarFiles(jobFile: string, choices: string[], picked: string[]): Promise<string[] | undefined>;
  askValue(declaration: VariableDeclaration, jobFile: string): Promise<string | undefined>;
}

export const vscodeVariableUi: VariableUi = {
  async pickVarFiles(jobFile, choices, picked) {
    const items = choices.map((label) => ({ label, picked: picked.includes(label) }));
    const chosen = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: `Variable files for ${jobFile}`,
      placeHolder: 'Pick the files whose values apply to this job (none is fine); later files win',
      ignoreFocusOut: true,
    });
    return chosen?.map((item) => item.label);
  },
  async askValue(declaration, jobFile) {
    const typed = declaration.type && declaration.type !== 'string' && declaration.type !== 'number';
    return vscode.window.showInputBox({
      title: `Variable "${declaration.name}" of ${jobFile}`,
      prompt: [declaration.description, typed ? `Type ${declaration.type}: enter an HCL expression.` : undefined]
        .filter(Boolean)
        .join(' '),
      password: /secret|token|password|passwd|credential|private/i.test(declaration.name),
      ignoreFocusOut: true,
      validateInput: (value) => (typed && value.trim() === '' ? 'Enter an HCL expression such as ["a", "b"].' : undefined),
    });
  },
};

const CHOICE_KEY = 'nomad.plan.varFiles:';

/** The language server's evaluation of a job file with variable values (nomad/evaluateJob). */
export type EvaluateJob = (uri: vscode.Uri, variables: string) => Promise<EvaluateJobResult>;

export class JobLoader {
  /** Values typed for required variables, per job file, for this session only (they may be secrets). */
  private readonly typedValues = new Map<string, Map<string, string>>();

  constructor(
    private readonly memento: vscode.Memento,
    private readonly ui: VariableUi = vscodeVariableUi,
    private readonly evaluateJob?: EvaluateJob,
  ) {}

  async load(document: vscode.TextDocument, client: NomadClient, signal?: AbortSignal): Promise<LoadedJob> {
    const text = document.getText();
    const format = jobFileShape(document.languageId, text);
    if (!format) throw new JobConversionError(`${path.basename(document.fileName)} is not a Nomad job file.`);
    const base = { format, uri: document.uri, fileName: path.basename(document.fileName), jobLine: jobDeclarationLine(format, text) };
    if (format !== 'hcl') {
      const root = parseJson(text, base.fileName);
      // The conversion carries the job schema: a separate bundle chunk, loaded on the first JSON job planned.
      const { hclJsonToApiJob, unwrapApiJob } = await import(/* webpackChunkName: "jobConversion" */ './hclJsonToApi.js');
      const job = (format === 'hcl-json' ? hclJsonToApiJob(root) : unwrapApiJob(root)) as Job;
      // Like the CLI: API JSON is submitted as "json", HCL in JSON syntax is still HCL2.
      const submission = { Source: text, Format: format === 'api-json' ? 'json' : 'hcl2' };
      return { ...base, job: withConnectionDefaults(job, 'Namespace' in job, 'Region' in job, client), submission };
    }
    const given = await this.variablesFor(document, text);
    const variables = given?.content;
    const declared = jobAttributes(text);
    const submission: JobSubmission = { Source: text, Format: 'hcl2', VariableFlags: given?.flags ?? {}, Variables: given?.files ?? '' };
    const version = variables?.text ? await versionOrUnknown(client) : undefined;
    // An unknown version tries the cluster's own parser, which explains itself if it cannot take variables.
    if (version !== undefined && version !== 'unknown' && !hasFeature(version, 'parseVariables')) {
      const job = await this.evaluateHere(document, variables!, version);
      return { ...base, job: withConnectionDefaults(job, declared.has('namespace'), declared.has('region'), client), variables, submission };
    }
    let job: Job;
    try {
      job = await client.parseHcl(text, { variables: variables?.text || undefined, canonicalize: true, signal });
    } catch (error) {
      if (isNomadError(error) && error.kind === 'badRequest' && error.serverText) {
        throw new JobParseError(error.serverText, parseHclError(error.serverText), variables);
      }
      throw error;
    }
    return { ...base, job: withConnectionDefaults(job, declared.has('namespace'), declared.has('region'), client), variables, submission };
  }

  /** The file as API JSON, evaluated by the language server with the variable values applied. */
  private async evaluateHere(document: vscode.TextDocument, variables: VariablesContent, version: string): Promise<Job> {
    const file = path.basename(document.fileName);
    const why = `Nomad ${version} cannot apply variable values when it parses a job (that came with Nomad 1.6), so the extension evaluated ${file} itself`;
    const remedy = `To plan it: connect a cluster running Nomad 1.6 or newer, or plan in a terminal with \`nomad job plan -var-file=<file> ${file}\`.`;
    if (!this.evaluateJob) throw new JobConversionError(`${why.replace('evaluated', 'would evaluate')}, but the language server is not available. ${remedy}`);
    const result = await this.evaluateJob(document.uri, variables.text);
    if (!result.ok) throw new JobConversionError(`${why}, but ${result.message}. ${remedy}`);
    try {
      const { hclJsonToApiJob } = await import(/* webpackChunkName: "jobConversion" */ './hclJsonToApi.js');
      return hclJsonToApiJob(result.hclJson) as Job;
    } catch (error) {
      throw new JobConversionError(`${why}, but ${error instanceof Error ? error.message : String(error)} ${remedy}`);
    }
  }

  /** Lets the user pick this job's variable files from its folder, and remembers the choice. */
  async chooseVarFiles(document: vscode.TextDocument): Promise<void> {
    const names = await siblingNames(document.uri);
    const choices = names.filter((name) => isVarFileName(name) && !name.endsWith('.auto.vars.hcl'));
    if (!choices.length) {
      void vscode.window.showInformationMessage(`There are no variable files (*.vars.hcl, *.nomad.vars) beside ${path.basename(document.fileName)}.`);
      return;
    }
    const current = this.memento.get<string[]>(CHOICE_KEY + document.uri.toString()) ?? discoverVarFiles(path.basename(document.fileName), names).files;
    const picked = await this.ui.pickVarFiles(path.basename(document.fileName), choices, current);
    if (picked) await this.memento.update(CHOICE_KEY + document.uri.toString(), picked);
  }

  /**
   * The merged variables text for the parse, and, for the submission, the variable files one after another and
   * the values given one by one (environment and typed), as the CLI sends its -var-file and -var arguments.
   */
  private async variablesFor(
    document: vscode.TextDocument,
    text: string,
  ): Promise<{ content: VariablesContent; files: string; flags: Record<string, string> } | undefined> {
    const declarations = findVariableDeclarations(text);
    if (!declarations.length) return undefined;
    const jobFile = path.basename(document.fileName);
    const sources: VariableSource[] = [];
    for (const uri of await this.varFileUris(document)) sources.push({ origin: uri.toString(), text: await readText(uri) });
    const files = sources.map((source) => `${source.text}\n`).join('');
    sources.push(...environmentValues(declarations, process.env));
    const typed = this.typedValues.get(document.uri.toString()) ?? new Map<string, string>();
    this.typedValues.set(document.uri.toString(), typed);
    const typedSources = (): VariableSource[] =>
      declarations.filter((d) => typed.has(d.name)).map((d) => assignmentFromInput(d, typed.get(d.name) as string, 'typed value'));
    for (const declaration of missingVariables(declarations, [...sources, ...typedSources()])) {
      const value = await this.ui.askValue(declaration, jobFile);
      if (value === undefined) throw new JobLoadCancelled(`No value given for variable "${declaration.name}".`);
      typed.set(declaration.name, value);
    }
    const flags: Record<string, string> = {};
    for (const declaration of declarations) {
      const value = typed.get(declaration.name) ?? process.env[`NOMAD_VAR_${declaration.name}`];
      if (value !== undefined) flags[declaration.name] = value;
    }
    return { content: mergeVariables([...sources, ...typedSources()]), files, flags };
  }

  /** The `nomad.varFiles` setting, else the remembered choice, else the naming convention (asking when it cannot decide). */
  private async varFileUris(document: vscode.TextDocument): Promise<vscode.Uri[]> {
    if (document.uri.scheme === 'untitled') return [];
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const configured = varFilesSetting(document.uri);
    const relative = folder ? path.posix.relative(folder.uri.path, document.uri.path) : undefined;
    if (folder && relative && configured[relative]) {
      const outside = configured[relative].find(leavesFolder);
      if (outside !== undefined) {
        throw new JobConversionError(
          `The nomad.varFiles entry "${outside}" for ${relative} is outside the workspace folder, so it is not read; move the file into the folder or change the setting.`,
        );
      }
      return configured[relative].map((file) => vscode.Uri.joinPath(folder.uri, file));
    }
    const dir = vscode.Uri.joinPath(document.uri, '..');
    const names = await siblingNames(document.uri);
    const jobFile = path.basename(document.fileName);
    const discovery = discoverVarFiles(jobFile, names);
    const auto = discovery.files.filter((name) => name.endsWith('.auto.vars.hcl'));
    const key = CHOICE_KEY + document.uri.toString();
    let chosen = this.memento.get<string[]>(key)?.filter((name) => names.includes(name));
    if (chosen === undefined && discovery.choices) {
      chosen = await this.ui.pickVarFiles(jobFile, discovery.choices, []);
      if (chosen === undefined) throw new JobLoadCancelled('No variable files chosen.');
      await this.memento.update(key, chosen);
    }
    const files = chosen === undefined ? discovery.files : [...auto, ...chosen.filter((name) => !auto.includes(name))];
    return files.map((name) => vscode.Uri.joinPath(dir, name));
  }
}

/** Read afresh, not from the per-connection cache: a plan is rare, and an upgraded cluster must be believed at once. */
async function versionOrUnknown(client: NomadClient): Promise<string> {
  try {
    return agentVersion(await client.agentSelf()) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Attribute names written directly in the `job` block. */
function jobAttributes(text: string): Set<string> {
  const job = blocksOf(readOutline(text), 'job')[0];
  return new Set(job ? attributesOf(job).keys() : []);
}

/**
 * Canonicalizing fills in namespace "default" and region "global"; when the file does not name them, the
 * connection's namespace and region apply instead, as with the Nomad CLI.
 */
function withConnectionDefaults(job: Job, declaresNamespace: boolean, declaresRegion: boolean, client: NomadClient): Job {
  const { namespace, region } = client.config;
  if (!declaresNamespace && namespace && namespace !== '*') job.Namespace = namespace;
  if (!declaresRegion && region) job.Region = region;
  return job;
}

function parseJson(text: string, fileName: string): unknown {
  const errors: ParseError[] = [];
  const root = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length) throw new JobConversionError(`${fileName} is not valid JSON; fix the syntax errors the editor shows and try again.`);
  return root;
}

async function siblingNames(uri: vscode.Uri): Promise<string[]> {
  if (uri.scheme === 'untitled') return [];
  try {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(uri, '..'));
    return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
  } catch {
    return [];
  }
}

/** An open editor's text (unsaved edits included), else the file on disk. */
async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
