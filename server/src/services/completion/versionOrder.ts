// Completion follows the target Nomad version like the `needs-newer-nomad` diagnostic does: a
// field the target does not know yet is still offered (the user may be about to upgrade), but
// after every field it knows, and marked with the version it needs.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { SchemaModel } from '../../schema/schemaModel';
import { isNewerThanTarget } from '../../schema/targetVersion';
import { isPropertyDocKey } from './completionDocs';

/** `hclNames`: the items name fields as HCL (and HCL-JSON) writes them, whose versions may differ from the API's. */
export function orderByTargetVersion(items: CompletionItem[], model: SchemaModel, target: string | undefined, hclNames: boolean): CompletionItem[] {
  if (!target) return items;
  for (const item of items) {
    if (!isPropertyDocKey(item.data)) continue;
    const property = model.propertyById(item.data.property);
    const since = hclNames ? property?.hclSince : property?.since;
    if (!isNewerThanTarget(since, target)) continue;
    item.sortText = `9${item.sortText ?? item.label}`;
    item.labelDetails = { description: `needs Nomad ${since}` };
  }
  return items;
}
