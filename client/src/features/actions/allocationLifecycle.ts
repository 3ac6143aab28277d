// What restarting and stopping an allocation share: finding it (from the row,
// or by picking), and saying why acting on it failed in words about
// allocations (gone, node unreachable, not allowed) rather than raw HTTP.
import { ALLOC_LIFECYCLE, classifyAllocationFailure, describeAllocationError } from '../logs/allocationErrors';
import { reportFailure, type ActionContext } from './actionContext';
import { resolveAllocation } from './allocationTargets';
import type { AllocationRef } from './targets';

/** The allocation to act on; undefined when the user cancelled or finding it failed (already reported). */
export async function allocationToChange(ctx: ActionContext, arg: unknown, title: string): Promise<AllocationRef | undefined> {
  return resolveAllocation(ctx, arg, title).catch((error: unknown) => {
    reportFailure(ctx.ui, 'Finding the allocation', error);
    return undefined;
  });
}

/** Reports a failed restart or stop; `doing` reads like "Restarting task "web" of allocation 1a2b3c4d". */
export function reportLifecycleFailure(ctx: ActionContext, doing: string, error: unknown, namespace: string | undefined): void {
  if (classifyAllocationFailure(error) === 'other') reportFailure(ctx.ui, doing, error);
  else ctx.ui.error(`${doing} failed: ${describeAllocationError(error, { ...ALLOC_LIFECYCLE, namespace })}`);
}
