// ESLint keeps the boundaries between the parts of the extension (README,
// Architecture): which code may import VS Code, the LSP runtime, or the other
// side. `npm test` runs it (`npm run lint`). Type-free: it only reads imports.
import tseslint from 'typescript-eslint';

const VSCODE = { name: 'vscode', message: 'This code must run without VS Code: keep the vscode import in the modules that wire features up.' };
const LSP_RUNTIME = ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/*', 'vscode-languageclient', 'vscode-languageclient/*'];
const lspRuntime = (message) => ({ group: LSP_RUNTIME, message });
const SERVER_SOURCES = { group: ['**/server/src/**', '**/server/src'], message: 'The client imports shared code from common/, never the server sources.' };
const CLIENT_SOURCES = { group: ['**/client/src/**', '**/client/src'], message: 'The server never imports the client.' };
const SIDES = { group: ['**/client/src/**', '**/server/src/**'], message: 'common/ is shared by both sides and imports neither.' };

const restrict = (paths, patterns = []) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.vscode-test/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    // Registered so the disable comments in the code name known rules; only the boundary rules are on.
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['common/**/*.ts'],
    rules: restrict([VSCODE], [SIDES, lspRuntime('common/ is shared with the CLI linter and the client: no LSP runtime.')]),
  },
  { files: ['client/src/**/*.ts'], rules: restrict([], [SERVER_SOURCES]) },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/settings.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='getConfiguration']", message: 'Read settings through client/src/settings.ts, the one reader of nomad.* settings.' },
      ],
    },
  },
  { files: ['client/src/nomad/**/*.ts', 'client/src/explorer/presentation/**/*.ts', 'client/webview/**/*.ts'], rules: restrict([VSCODE], [SERVER_SOURCES]) },
  { files: ['server/**/*.ts'], rules: restrict([VSCODE], [CLIENT_SOURCES]) },
  {
    files: ['server/src/services/**/*.ts'],
    rules: restrict([VSCODE], [CLIENT_SOURCES, lspRuntime('Language services take documents and return results; only server/src/lsp/ and server.ts talk LSP. Types come from vscode-languageserver-types.')]),
  },
);
