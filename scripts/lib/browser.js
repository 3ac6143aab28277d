// @ts-check
// Debian's Chromium, driven by playwright-core (which never downloads a
// browser of its own), headless and with everything that phones home off.
'use strict';
const { chromium } = require('playwright-core');
const { chromiumPath } = require('./paths');

const CHROMIUM_ARGS = [
  '--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The page size of every workbench the tests open: tall enough that the Jobs view keeps room for
 * its rows beside the Nodes and Variables views in the same side bar.
 */
const WORKBENCH_VIEWPORT = { width: 1400, height: 1200 };

/** @returns {Promise<import('playwright-core').Browser>} */
function launchBrowser() {
  return chromium.launch({ executablePath: process.env.NOMAD_CHROMIUM || chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

module.exports = { launchBrowser, WORKBENCH_VIEWPORT };
