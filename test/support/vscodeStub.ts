// The few `vscode` classes the Jobs tree touches when it builds rows, so unit tests and
// benchmarks can run the real explorer code under plain Node. Constructors and fields only.
import Module from 'module';

class TreeItem {
  id?: string;
  description?: string;
  contextValue?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  command?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

class MarkdownString {
  supportHtml = false;
  isTrusted = false;
  constructor(readonly value: string) {}
}

const stub = { TreeItem, ThemeIcon, ThemeColor, MarkdownString, TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 } };

type Resolver = (request: string, ...rest: unknown[]) => string;

/** Makes `require('vscode')` return the stub for modules loaded after this call. */
export function installVscodeStub(): void {
  if (require.cache.vscode) return;
  const loader = Module as unknown as { _resolveFilename: Resolver };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub } as unknown as NodeJS.Module;
}
