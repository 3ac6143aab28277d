// The import boundaries of eslint.config.mjs, checked on small snippets placed
// (virtually) in each part of the tree, so a loosened rule fails here.
import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { repoRoot } from '../../support/repoPaths';

const eslint = new ESLint({ cwd: repoRoot });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

const cases: { file: string; code: string; allowed: boolean }[] = [
  { file: 'common/src/hcl/x.ts', code: "import * as vscode from 'vscode';", allowed: false },
  { file: 'common/src/hcl/x.ts', code: "import { createConnection } from 'vscode-languageserver/node';", allowed: false },
  { file: 'common/src/hcl/x.ts', code: "import { parse } from '../../../server/src/hcl/hclParser';", allowed: false },
  { file: 'common/src/hcl/x.ts', code: "import { parseTree } from 'jsonc-parser';", allowed: true },
  { file: 'client/src/nomad/x.ts', code: "import * as vscode from 'vscode';", allowed: false },
  { file: 'client/src/explorer/presentation/x.ts', code: "import * as vscode from 'vscode';", allowed: false },
  { file: 'client/src/features/plan/x.ts', code: "import * as vscode from 'vscode';", allowed: true },
  { file: 'client/src/features/plan/x.ts', code: "import { SchemaModel } from '../../../../server/src/schema/schemaModel';", allowed: false },
  { file: 'client/src/lsp/x.ts', code: "import { NO_CLUSTER_FACTS } from '../../../common/src/protocol/clusterFacts';", allowed: true },
  { file: 'client/src/features/plan/x.ts', code: "import * as vscode from 'vscode';\nvscode.workspace.getConfiguration('nomad');", allowed: false },
  { file: 'client/src/settings.ts', code: "import * as vscode from 'vscode';\nvscode.workspace.getConfiguration('nomad');", allowed: true },
  { file: 'server/src/hcl/x.ts', code: "import * as vscode from 'vscode';", allowed: false },
  { file: 'server/src/lsp/x.ts', code: "import { createConnection } from 'vscode-languageserver/node';", allowed: true },
  { file: 'server/src/services/hover/x.ts', code: "import { MarkupKind } from 'vscode-languageserver';", allowed: false },
  { file: 'server/src/services/hover/x.ts', code: "import { MarkupKind } from 'vscode-languageserver-types';", allowed: true },
  { file: 'server/src/x.ts', code: "import { ConnectionManager } from '../../client/src/connection/connectionManager';", allowed: false },
];

describe('import boundaries (eslint.config.mjs)', function () {
  this.timeout(60_000);

  for (const { file, code, allowed } of cases) {
    it(`${allowed ? 'allows' : 'forbids'} in ${file}: ${code}`, async () => {
      const found = await violations(file, code);
      if (allowed) assert.deepEqual(found, []);
      else assert.ok(found.length === 1 && /^no-restricted-(imports|syntax)$/.test(found[0]), found.join());
    });
  }
});
