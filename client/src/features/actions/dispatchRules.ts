// The rules a dispatch must satisfy, checked here before anything is sent so
// the user hears about a missing meta key or an oversized payload at once
// instead of through a server error. Pure: no vscode, no network.

/** Nomad refuses dispatch payloads over 16 KiB (counted before base64; `DispatchPayloadSizeLimit` in the server). */
export const DISPATCH_PAYLOAD_LIMIT_BYTES = 16 * 1024;

export type PayloadRule = 'required' | 'optional' | 'forbidden';

/** The `ParameterizedJob` block of a job as the API returns it. */
export interface ParameterizedConfig {
  Payload?: string;
  MetaRequired?: string[] | null;
  MetaOptional?: string[] | null;
}

/** Nomad treats an empty `Payload` as optional. */
export function payloadRule(config: ParameterizedConfig): PayloadRule {
  const rule = (config.Payload ?? '').toLowerCase();
  return rule === 'required' || rule === 'forbidden' ? rule : 'optional';
}

/** Why this payload cannot be sent, or undefined when it can. */
export function payloadProblem(rule: PayloadRule, payload: Uint8Array | undefined): string | undefined {
  const size = payload?.length ?? 0;
  if (rule === 'required' && size === 0) return 'This job requires a payload, and none was given.';
  if (rule === 'forbidden' && size > 0) return 'This job does not accept a payload.';
  if (size > DISPATCH_PAYLOAD_LIMIT_BYTES) {
    return `The payload is ${size.toLocaleString('en-US')} bytes; Nomad accepts at most ${DISPATCH_PAYLOAD_LIMIT_BYTES.toLocaleString('en-US')} bytes (16 KiB).`;
  }
  return undefined;
}

export interface MetaKeys {
  required: string[];
  optional: string[];
}

export function metaKeys(config: ParameterizedConfig): MetaKeys {
  return { required: [...(config.MetaRequired ?? [])], optional: [...(config.MetaOptional ?? [])] };
}

/** Every reason this meta map would be refused: missing required keys and keys the job does not declare. */
export function metaProblems(keys: MetaKeys, meta: Record<string, string>): string[] {
  const problems: string[] = [];
  const missing = keys.required.filter((key) => !(key in meta));
  if (missing.length) problems.push(`Missing required meta ${plural('key', missing.length)}: ${missing.join(', ')}.`);
  const allowed = new Set([...keys.required, ...keys.optional]);
  const unknown = Object.keys(meta).filter((key) => !allowed.has(key));
  if (unknown.length) problems.push(`The job does not accept meta ${plural('key', unknown.length)}: ${unknown.join(', ')}.`);
  return problems;
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kib = bytes / 1024;
  return `${Number(kib.toFixed(kib < 10 ? 2 : 1))} KiB`;
}
