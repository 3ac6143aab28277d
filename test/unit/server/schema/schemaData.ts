// Shared helpers for the schema data tests: locate and read the generated files and the
// recorded Nomad API samples, and build Ajv instances the way consumers will.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { repoFile } from '../../../support/repoPaths';

/** A JSON Schema node with the project's x- annotations (described in common/schema/README.md). */
export interface SchemaNode {
  description?: string;
  $ref?: string;
  type?: string | string[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  definitions?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  maxItems?: number;
  'x-hcl'?: string;
  'x-hclKind'?: string;
  'x-label'?: string;
  'x-since'?: string;
  'x-hclSince'?: string;
  'x-removedIn'?: string;
  'x-deprecated'?: string;
  'x-readOnly'?: boolean;
  'x-duration'?: boolean;
  'x-hclOnly'?: boolean;
  [key: string]: unknown;
}

export const HCL_KINDS = ['attribute', 'block', 'blocks', 'labeledBlocks', 'mapBlocks', 'mapAttribute'];
export const VERSION = /^\d+\.\d+\.\d+$/;
export const DRIVERS = ['docker', 'exec', 'raw_exec', 'java', 'qemu'];
/** Responses and requests recorded from a real Nomad agent, committed with the fake server that replays them. */
export const SAMPLES_DIR = repoFile('test', 'support', 'nomad', 'recorded');

export function readJson<T = SchemaNode>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function dataPath(...parts: string[]): string {
  return repoFile('common', 'schema', ...parts);
}

export const loadJobSchema = (): SchemaNode => readJson(dataPath('job.schema.json'));
export const loadHclFile = (): SchemaNode => readJson(dataPath('hcl-file.json'));
export const loadDriverSchema = (name: string): SchemaNode => readJson(dataPath('drivers', `${name}.schema.json`));

/** Every x- keyword used anywhere in a schema document. */
export function xKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      xKeywords(value, found);
    }
  }
  return found;
}

/** Ajv in strict mode with our x- keywords declared, so typos in standard keywords still fail. */
export function strictAjv(...schemas: SchemaNode[]): Ajv {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, strictRequired: false, allErrors: true });
  const keywords = new Set<string>();
  for (const s of schemas) xKeywords(s, keywords);
  for (const k of keywords) ajv.addKeyword(k);
  return ajv;
}

/** Name of the definition a `#/definitions/X` reference points to. */
export function refName(ref: string): string {
  return ref.replace(/^#\/definitions\//, '');
}

/** Definition a block-like property leads to (through items / additionalProperties), if any. */
export function targetOf(prop: SchemaNode): string | undefined {
  const ref = prop.$ref ?? prop.items?.$ref
    ?? (typeof prop.additionalProperties === 'object' ? prop.additionalProperties.$ref : undefined);
  return ref ? refName(ref) : undefined;
}

export interface RecordedJob {
  source: string;
  job: Record<string, unknown>;
}

function parseIfJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined; // some recorded requests are deliberately malformed
  }
}

/**
 * Every Job object recorded from a real Nomad: job reads, version lists, parse results and the
 * bodies of register/update/plan requests.
 */
export function recordedJobs(): RecordedJob[] {
  const jobs: RecordedJob[] = [];
  for (const name of fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const body = parseIfJson(path.join(SAMPLES_DIR, name)) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') continue;
    if (/^job-read/.test(name) || /^jobs-parse/.test(name)) {
      if (typeof body.ID === 'string') jobs.push({ source: name, job: body });
    } else if (/^job-versions/.test(name) && Array.isArray(body.Versions)) {
      body.Versions.forEach((job, i) => jobs.push({ source: `${name}#Versions/${i}`, job: job as Record<string, unknown> }));
    }
  }
  const requests = path.join(SAMPLES_DIR, '_requests');
  for (const name of fs.readdirSync(requests).sort()) {
    const body = parseIfJson(path.join(requests, name)) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') continue;
    if (body.Job && typeof body.Job === 'object') jobs.push({ source: `_requests/${name}`, job: body.Job as Record<string, unknown> });
    else if (Array.isArray(body.TaskGroups)) jobs.push({ source: `_requests/${name}`, job: body });
  }
  return jobs;
}
