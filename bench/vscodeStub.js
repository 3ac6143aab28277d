// @ts-check
// The few `vscode` classes the Jobs tree touches when it builds rows, so benchmarks can run the
// real explorer code under plain Node. Only constructors and fields: no behaviour to measure.
'use strict';
const Module = require('module');

class TreeItem {
  /** @param {string} label @param {number} collapsibleState */
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}
class ThemeIcon {
  /** @param {string} id @param {unknown} [color] */
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}
class ThemeColor {
  /** @param {string} id */
  constructor(id) {
    this.id = id;
  }
}
class MarkdownString {
  /** @param {string} value */
  constructor(value) {
    this.value = value;
  }
}

const stub = { TreeItem, ThemeIcon, ThemeColor, MarkdownString, TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 } };

/** Makes `require('vscode')` return the stub for modules loaded after this call. */
function installVscodeStub() {
  const resolve = /** @type {any} */ (Module)._resolveFilename;
  /** @type {any} */ (Module)._resolveFilename = function (/** @type {string} */ request, /** @type {unknown[]} */ ...rest) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = /** @type {any} */ ({ id: 'vscode', filename: 'vscode', loaded: true, exports: stub });
}

module.exports = { installVscodeStub };
