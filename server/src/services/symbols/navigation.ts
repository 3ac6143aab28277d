// Go to definition and find references for input variables (`var.x`) and locals
// (`local.x`), from a use or from the declaration itself.
import type { Location } from 'vscode-languageserver-types';
import type { HclFile, Span } from '../../hcl/ast';
import { declarationAt, declarationOf, referenceAt, referencesTo, type Declaration } from './declarations';

function declarationUnder(file: HclFile, offset: number): Declaration | undefined {
  const reference = referenceAt(file, offset);
  return reference ? declarationOf(file, reference) : declarationAt(file, offset);
}

const locationOf = (uri: string, span: Span): Location => ({ uri, range: span.range });

export function findDefinition(uri: string, file: HclFile, offset: number): Location | undefined {
  const declaration = declarationUnder(file, offset);
  return declaration && locationOf(uri, declaration.nameSpan);
}

export function findReferences(uri: string, file: HclFile, offset: number, includeDeclaration: boolean): Location[] {
  const declaration = declarationUnder(file, offset);
  if (!declaration) return [];
  const uses = referencesTo(file, declaration).map((r) => locationOf(uri, r));
  return includeDeclaration ? [locationOf(uri, declaration.nameSpan), ...uses] : uses;
}
