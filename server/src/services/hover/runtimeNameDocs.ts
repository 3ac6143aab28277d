// Hover text for runtime names inside strings: `${NOMAD_PORT_http}`, `${attr.kernel.name}`.
import {
  META_VARIABLE_PREFIX,
  NODE_TARGETS,
  PORT_VARIABLE_PREFIXES,
  TASK_ENVIRONMENT,
  type RuntimeName,
} from '../completion/runtimeNames';

const EXACT = new Map<string, RuntimeName>([...TASK_ENVIRONMENT, ...NODE_TARGETS].map((n) => [n.name, n]));
const PREFIXED = [...PORT_VARIABLE_PREFIXES, META_VARIABLE_PREFIX];

/** The dotted name around `offset` (`attr.kernel.name`, `NOMAD_PORT_http`) and where it starts. */
export function runtimeNameAround(text: string, offset: number): { name: string; start: number } | undefined {
  let start = offset;
  while (start > 0 && /[\w.-]/.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && /[\w.-]/.test(text[end])) end++;
  const name = text.slice(start, end);
  return name ? { name, start } : undefined;
}

export function runtimeNameMarkdown(name: string): string | undefined {
  const exact = EXACT.get(name);
  const prefixed = exact ? undefined : PREFIXED.find((p) => name.startsWith(p.name) && name.length > p.name.length);
  const known = exact ?? prefixed ?? (name.startsWith('meta.') && name.length > 5 ? NODE_TARGETS.find((t) => t.name === 'meta.') : undefined);
  if (!known) return undefined;
  const since = known.since ? `\n\nSince Nomad ${known.since}.` : '';
  return `**${name}** (set by Nomad at run time)\n\n${known.description}${since}`;
}
