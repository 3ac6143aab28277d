// @ts-check
// Child processes for the tooling: run to completion with inherited output,
// or run and capture while still showing the output live.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

/**
 * Runs a command with inherited stdio; rejects on a non-zero exit.
 * @param {string} command
 * @param {string[]} args
 * @param {import('child_process').SpawnOptions} [options]
 * @returns {Promise<void>}
 */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * Runs a command, echoing its output and also returning it, with the exit code.
 * @param {string} command
 * @param {string[]} args
 * @param {import('child_process').SpawnOptions} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
function runAndCapture(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr?.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * Runs a command with its output going to `logFile` only, to keep progress
 * logs short; on failure the log's tail is shown and the command rejects.
 * @param {string} command
 * @param {string[]} args
 * @param {string} logFile
 * @param {import('child_process').SpawnOptions} [options]
 * @returns {Promise<void>}
 */
async function runLogged(command, args, logFile, options = {}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  try {
    await run(command, args, { ...options, stdio: ['ignore', fd, fd] });
  } catch (error) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n');
    process.stderr.write(`${tail}\n(full log: ${logFile})\n`);
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** The npm client that runs this script, so nested installs use the same one. */
function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

module.exports = { run, runAndCapture, runLogged, npmCommand };
