// @ts-check
// An address where nothing listens: a loopback port that was free a moment
// ago, taken from below the kernel's ephemeral range so that no server started
// on "any free port" (port 0) later in the run can land on it. Connecting is
// refused at once. The test runners hand one to the extension as the address
// of "nothing configured"; tests of an unreachable cluster take their own.
'use strict';
const fs = require('fs');
const net = require('net');

/** The first port of the kernel's ephemeral range (where port-0 servers land). */
function ephemeralStart() {
  try {
    const [low] = fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && low > 2048) return low;
  } catch {
    // Not Linux: IANA's dynamic range starts here.
  }
  return 49152;
}

/** @param {number} port @returns {Promise<boolean>} */
function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** @returns {Promise<string>} */
async function deadAddress() {
  const high = ephemeralStart();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 1024 + Math.floor(Math.random() * (high - 1024));
    if (await isFree(port)) return `http://127.0.0.1:${port}`;
  }
  throw new Error('found no free loopback port below the ephemeral range');
}

module.exports = { deadAddress };
