// nomad.dispatchJob: start an instance of a parameterized job. A short form
// asks for the payload (from a file, the active editor, or none, as the job's
// `parameterized.payload` allows) and the meta values (required keys first,
// then the optional ones on request). Everything Nomad would refuse is
// refused here before anything is sent.
import type { Job } from '../../nomad/types';
import { reportFailure, shortId, type ActionContext } from './actionContext';
import type { ChosenFile, PickItem } from './actionUi';
import {
  formatBytes,
  metaKeys,
  metaProblems,
  payloadProblem,
  payloadRule,
  type MetaKeys,
  type PayloadRule,
} from './dispatchRules';
import { isParameterizedParent, jobRefFrom, pickJob, type JobRef } from './targets';

/** Non-interactive dispatch (keybindings, tests): no prompts, same checks. */
export interface DispatchPreset {
  meta?: Record<string, string>;
  /** Payload as UTF-8 text. */
  payload?: string;
}

export function isDispatchPreset(value: unknown): value is DispatchPreset {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('meta' in value || 'payload' in value);
}

interface DispatchDraft {
  meta: Record<string, string>;
  payload?: ChosenFile;
}

export async function dispatchJob(ctx: ActionContext, arg?: unknown, preset?: DispatchPreset): Promise<void> {
  const job = jobRefFrom(arg) ?? (await pickJob(ctx, { title: 'Dispatch which job?', accepts: isParameterizedParent, noneMessage: 'The cluster has no parameterized jobs to dispatch.' }));
  if (!job) return;
  try {
    const client = await ctx.getClient();
    const { value: definition } = await client.readJob(job.id, { namespace: job.namespace });
    const config = definition.ParameterizedJob;
    if (!config || definition.Dispatched || definition.ParentID) {
      ctx.ui.error(`"${job.id}" is not a parameterized job, so it cannot be dispatched.`, 'Only jobs with a parameterized block can be dispatched; use Run for other jobs.');
      return;
    }
    const rule = payloadRule(config);
    const keys = metaKeys(config);
    const draft = preset ? presetDraft(preset) : await fillForm(ctx, job, definition, rule, keys);
    if (!draft) return;
    const problems = draftProblems(rule, keys, draft);
    if (problems.length > 0) {
      ctx.ui.error(`Not dispatching "${job.id}": ${problems.join(' ')}`);
      return;
    }
    const reply = await ctx.ui.withProgress(`Dispatching ${job.id}…`, () =>
      client.dispatchJob(job.id, { payload: draft.payload?.bytes, meta: draft.meta }, { namespace: job.namespace }),
    );
    const evaluation = reply.EvalID ? ` (evaluation ${shortId(reply.EvalID)})` : '';
    ctx.ui.info(`Dispatched "${job.id}" as ${reply.DispatchedJobID}${evaluation}.`);
    await revealQuietly(ctx, { id: reply.DispatchedJobID, namespace: job.namespace });
  } catch (error) {
    reportFailure(ctx.ui, `Dispatching "${job.id}"`, error);
  }
}

function presetDraft(preset: DispatchPreset): DispatchDraft {
  const draft: DispatchDraft = { meta: { ...(preset.meta ?? {}) } };
  if (preset.payload !== undefined) draft.payload = { name: 'payload', bytes: new TextEncoder().encode(preset.payload) };
  return draft;
}

function draftProblems(rule: PayloadRule, keys: MetaKeys, draft: DispatchDraft): string[] {
  const problems = metaProblems(keys, draft.meta);
  const payload = payloadProblem(rule, draft.payload?.bytes);
  return payload ? [...problems, payload] : problems;
}

/** Revealing is a convenience: a tree that cannot show the job must not turn success into failure. */
async function revealQuietly(ctx: ActionContext, job: JobRef): Promise<void> {
  try {
    await ctx.ui.executeCommand('nomad.revealJob', job.id, job.namespace);
  } catch {
    // The job exists; the info message already names it.
  }
}

async function fillForm(ctx: ActionContext, job: JobRef, definition: Job, rule: PayloadRule, keys: MetaKeys): Promise<DispatchDraft | undefined> {
  const draft: DispatchDraft = { meta: {} };
  if (rule === 'required') {
    draft.payload = await choosePayload(ctx, job, rule);
    if (!draft.payload) return undefined;
  }
  for (const key of keys.required) {
    const value = await askMetaValue(ctx, job, key, true, undefined);
    if (value === undefined) return undefined;
    draft.meta[key] = value;
  }
  const hasChoices = keys.optional.length > 0 || rule === 'optional';
  return hasChoices ? reviewLoop(ctx, job, definition, rule, keys, draft) : draft;
}

type FormChoice = { kind: 'dispatch' } | { kind: 'meta'; key: string; required: boolean } | { kind: 'payload' };

/** The form: one row per meta key and the payload, plus Dispatch; loops until Dispatch passes the checks or the user backs out. */
async function reviewLoop(ctx: ActionContext, job: JobRef, definition: Job, rule: PayloadRule, keys: MetaKeys, draft: DispatchDraft): Promise<DispatchDraft | undefined> {
  for (;;) {
    const choice = await ctx.ui.pick(formItems(definition, rule, keys, draft), {
      title: `Dispatch ${job.id}`,
      placeholder: 'Set meta values and the payload, then pick Dispatch',
    });
    if (!choice) return undefined;
    if (choice.kind === 'dispatch') {
      const problems = draftProblems(rule, keys, draft);
      if (problems.length === 0) return draft;
      ctx.ui.error(`Cannot dispatch yet: ${problems.join(' ')}`);
    } else if (choice.kind === 'payload') {
      const payload = await choosePayload(ctx, job, rule);
      if (payload !== undefined) draft.payload = payload.bytes.length > 0 ? payload : undefined;
    } else {
      const value = await askMetaValue(ctx, job, choice.key, choice.required, draft.meta[choice.key] ?? definition.Meta?.[choice.key]);
      if (value === undefined) continue;
      if (value === '' && !choice.required) delete draft.meta[choice.key];
      else draft.meta[choice.key] = value;
    }
  }
}

function formItems(definition: Job, rule: PayloadRule, keys: MetaKeys, draft: DispatchDraft): PickItem<FormChoice>[] {
  const metaText = Object.entries(draft.meta).map(([k, v]) => `${k}=${v}`).join(', ');
  const items: PickItem<FormChoice>[] = [
    {
      label: '$(rocket) Dispatch',
      description: [metaText || 'no meta', draft.payload ? `payload ${draft.payload.name} (${formatBytes(draft.payload.bytes.length)})` : 'no payload'].join(' · '),
      value: { kind: 'dispatch' },
    },
  ];
  for (const key of keys.required) {
    items.push({ label: `$(key) ${key}`, description: draft.meta[key] ?? 'required, not set', value: { kind: 'meta', key, required: true } });
  }
  for (const key of keys.optional) {
    const fallback = definition.Meta?.[key];
    const description = draft.meta[key] ?? (fallback !== undefined ? `optional, job default "${fallback}"` : 'optional, not set');
    items.push({ label: `$(symbol-field) ${key}`, description, value: { kind: 'meta', key, required: false } });
  }
  if (rule !== 'forbidden') {
    const description = draft.payload ? `${draft.payload.name} (${formatBytes(draft.payload.bytes.length)})` : `none (${rule})`;
    items.push({ label: '$(file) Payload', description, value: { kind: 'payload' } });
  }
  return items;
}

async function askMetaValue(ctx: ActionContext, job: JobRef, key: string, required: boolean, current: string | undefined): Promise<string | undefined> {
  return ctx.ui.input({
    title: `Dispatch ${job.id}: meta "${key}"`,
    prompt: required ? `Value for the required meta key "${key}"` : `Value for the optional meta key "${key}" (empty to leave it out)`,
    value: current,
    validate: (value) => (required && value.trim() === '' ? `"${key}" is required.` : undefined),
  });
}

type PayloadSource = 'none' | 'editor' | 'file';

/** Asks where the payload comes from; an empty payload stands for "none". Re-asks when the content breaks a rule. */
async function choosePayload(ctx: ActionContext, job: JobRef, rule: PayloadRule): Promise<ChosenFile | undefined> {
  for (;;) {
    const editor = ctx.ui.activeEditorContent();
    const items: PickItem<PayloadSource>[] = [];
    if (rule !== 'required') items.push({ label: 'No payload', value: 'none' });
    if (editor) items.push({ label: `Active editor: ${editor.name}`, description: formatBytes(editor.bytes.length), value: 'editor' });
    items.push({ label: 'Choose a file…', value: 'file' });
    const source = await ctx.ui.pick(items, { title: `Dispatch ${job.id}: payload (${rule})` });
    if (!source) return undefined;
    if (source === 'none') return { name: 'none', bytes: new Uint8Array(0) };
    const chosen = source === 'editor' ? editor : await ctx.ui.chooseFile(`Payload for ${job.id}`);
    if (!chosen) continue;
    const problem = payloadProblem(rule, chosen.bytes);
    if (!problem) return chosen;
    ctx.ui.error(`${chosen.name} cannot be the payload: ${problem}`);
  }
}
