// Reads snippets/nomad.json and expands a snippet body with its default choices, as accepting every placeholder would.
import { readRepoJson } from '../../../../support/repoPaths';

export interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

export function readSnippets(): Record<string, Snippet> {
  return readRepoJson<Record<string, Snippet>>('snippets', 'nomad.json');
}

/** Handles the subset our snippets use: ${n:default}, ${n|first,..|}, ${n}, $n and the \$ escape. */
export function expandWithDefaults(body: string[]): string {
  return body
    .join('\n')
    .replace(/\\\$|\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+\}|\$\d+/g, (whole, fallback?: string, choice?: string) =>
      whole === '\\$' ? '$' : (fallback ?? choice ?? ''),
    );
}
