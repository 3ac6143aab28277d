// Three bundles: the extension client and the language server run in Node
// (VS Code's extension host and a child process); webviews run in a browser.
'use strict';
const path = require('path');
const CopyPlugin = require('copy-webpack-plugin');
const { BannerPlugin } = require('webpack');

const dist = path.resolve(__dirname, 'dist');

/** @type {(mode: string) => import('webpack').Configuration} */
const nodeBundle = (mode) => ({
  mode,
  target: 'node20',
  devtool: 'source-map',
  // Dynamic imports of our own modules name the compiled file (`./x.js`, as Node16 resolution wants).
  resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
  },
  output: { path: dist, filename: '[name].js', libraryTarget: 'commonjs2', devtoolModuleFilenameTemplate: '../[resource-path]' },
  node: { __dirname: false, __filename: false },
  performance: { hints: false },
});

/** Browser code of one webview: client/webview/<name>/main.ts (own DOM tsconfig) -> dist/webview/<name>.js + .css. */
const webviewBundle = (mode, name) => ({
  mode,
  name: `webview-${name}`,
  target: 'web',
  devtool: 'source-map',
  entry: { [name]: `./client/webview/${name}/main.ts` },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { transpileOnly: true, configFile: path.resolve(__dirname, `client/webview/${name}/tsconfig.json`) },
        },
      },
    ],
  },
  output: { path: path.join(dist, 'webview'), filename: '[name].js' },
  plugins: [new CopyPlugin({ patterns: [{ from: `client/webview/${name}/${name}.css`, to: `${name}.css` }] })],
  performance: { hints: false },
});

module.exports = (_env, argv) => {
  const mode = argv.mode || 'production';
  return [
    {
      ...nodeBundle(mode),
      name: 'client',
      entry: { client: './client/src/extension.ts' },
      // ws loads these optional native speed-ups inside try/catch; without them it uses its own JavaScript.
      externals: { vscode: 'commonjs vscode', bufferutil: 'commonjs bufferutil', 'utf-8-validate': 'commonjs utf-8-validate' },
    },
    {
      ...nodeBundle(mode),
      name: 'server',
      entry: { server: './server/src/server.ts', lint: './server/src/cli/lint.ts' },
      plugins: [
        // dist/lint.js is the nomad-jobs-lint bin: it needs a shebang.
        new BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true, include: /^lint\.js$/ }),
        new CopyPlugin({
          patterns: [
            { from: require.resolve('web-tree-sitter/tree-sitter.wasm'), to: 'tree-sitter.wasm' },
            { from: require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'), to: 'tree-sitter-hcl.wasm' },
          ],
        }),
      ],
    },
    webviewBundle(mode, 'plan'),
  ];
};
