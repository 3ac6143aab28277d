// @ts-check
// Reads the closing lines of Mocha's spec reporter ("5 passing", "1 failing",
// "2 pending") so the test command can add the layers up.
'use strict';

/**
 * @param {string} output
 * @returns {{ passed: number, failed: number, pending: number, found: boolean }}
 */
function parseMochaSummary(output) {
  /** @param {string} word */
  const count = (word) => {
    const matches = [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
    return matches.length ? Number(matches[matches.length - 1][1]) : undefined;
  };
  const passed = count('passing');
  return { passed: passed ?? 0, failed: count('failing') ?? 0, pending: count('pending') ?? 0, found: passed !== undefined };
}

module.exports = { parseMochaSummary };
