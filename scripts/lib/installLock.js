// @ts-check
// A lock folder so that two worktrees sharing NOMAD_VSCODE_TEST_DIR never
// install into the same place at once. The folder appears atomically (rename
// of a prepared folder) with the owner's pid inside, which lets a later run
// take over a lock left by a killed install.
'use strict';
const fs = require('fs');
const path = require('path');
const { step } = require('./log');

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {string} ownerFile the lock's pid, or NaN when it just vanished */
function readOwner(ownerFile) {
  try {
    return Number(fs.readFileSync(ownerFile, 'utf8'));
  } catch {
    return NaN;
  }
}

/**
 * Holds `lockDir` while `work` runs.
 * @template T
 * @param {string} lockDir
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function withInstallLock(lockDir, work) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const ownerFile = path.join(lockDir, 'pid');
  let announced = false;
  for (;;) {
    const prepared = `${lockDir}.${process.pid}`;
    fs.mkdirSync(prepared, { recursive: true });
    fs.writeFileSync(path.join(prepared, 'pid'), String(process.pid));
    try {
      fs.renameSync(prepared, lockDir);
      break;
    } catch (error) {
      fs.rmSync(prepared, { recursive: true, force: true });
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error;
      const owner = readOwner(ownerFile);
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) step(`waiting for another install (pid ${owner || '?'}) to finish`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

module.exports = { withInstallLock };
