// The log viewer's settings, read in one place with their defaults.
import * as vscode from 'vscode';
import type { LogLineBufferLimits } from './logLineBuffer';

export interface LogSettings {
  /** How much of the existing log to show before following (origin=end, offset=N). */
  tailBytes: number;
  limits: LogLineBufferLimits;
}

export const DEFAULT_TAIL_BYTES = 32 * 1024;
export const DEFAULT_MAX_LINES = 20_000;
// Not settings: they only guard against pathological output (huge or endless lines).
const MAX_CHARS = 8 * 1024 * 1024;
const MAX_LINE_CHARS = 16 * 1024;

export function readLogSettings(): LogSettings {
  const config = vscode.workspace.getConfiguration('nomad.logs');
  const tailBytes = Math.max(0, Math.floor(config.get<number>('tailBytes', DEFAULT_TAIL_BYTES)));
  const maxLines = Math.max(100, Math.floor(config.get<number>('maxLines', DEFAULT_MAX_LINES)));
  return { tailBytes, limits: { maxLines, maxChars: MAX_CHARS, maxLineChars: MAX_LINE_CHARS } };
}
