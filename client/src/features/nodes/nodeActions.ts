// Changing a client node from its row in the Nodes view (or the palette):
// toggle its scheduling eligibility, start a drain with a deadline, stop a
// drain. Each reads the node afresh and is confirmed, since each changes
// where the whole cluster's work may run.
import { reportFailure, shortId, type ActionContext } from '../actions/actionContext';
import { parseGoDuration } from '../../nomad/duration';
import type { NodeListStub } from '../../nomad/types';

export const MAKE_INELIGIBLE = 'Make Ineligible';
export const MAKE_ELIGIBLE = 'Make Eligible';
export const DRAIN = 'Drain';
export const STOP_DRAIN = 'Stop Drain';
const DEFAULT_DEADLINE = '1h';

/** A node from its row (`{ node }`) or a plain `{ nodeId }`. */
export function nodeIdFrom(arg: unknown): string | undefined {
  const bag = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : undefined;
  const node = bag?.node as Record<string, unknown> | undefined;
  if (typeof node?.ID === 'string') return node.ID;
  return typeof bag?.nodeId === 'string' ? bag.nodeId : undefined;
}

async function resolveNode(ctx: ActionContext, arg: unknown, title: string): Promise<NodeListStub | undefined> {
  const client = await ctx.getClient();
  const id = nodeIdFrom(arg) ?? (await pickNode(ctx, title));
  if (!id) return undefined;
  return (await client.readNode(id)).value;
}

async function pickNode(ctx: ActionContext, title: string): Promise<string | undefined> {
  const { value: nodes } = await (await ctx.getClient()).listNodes();
  if (nodes.length === 0) {
    ctx.ui.info('The cluster has no client nodes.');
    return undefined;
  }
  const items = nodes.map((node) => ({ label: node.Name, description: [shortId(node.ID), node.Status, node.SchedulingEligibility, node.Drain ? 'draining' : ''].filter(Boolean).join(' · '), value: node.ID }));
  return ctx.ui.pick(items, { title, placeholder: 'Pick a node' });
}

const nameOf = (node: NodeListStub): string => `${node.Name} (${shortId(node.ID)})`;

export async function toggleNodeEligibility(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    const node = await resolveNode(ctx, arg, 'Change the eligibility of which node?');
    if (!node) return;
    const eligible = node.SchedulingEligibility !== 'ineligible';
    const answer = await ctx.ui.confirm(eligible ? `Make node ${nameOf(node)} ineligible?` : `Make node ${nameOf(node)} eligible?`, {
      detail: eligible
        ? 'The scheduler places no new allocations on it; the allocations already there keep running.'
        : 'The scheduler may place new allocations on it again.',
      actions: [eligible ? MAKE_INELIGIBLE : MAKE_ELIGIBLE],
    });
    if (answer !== MAKE_INELIGIBLE && answer !== MAKE_ELIGIBLE) return;
    const client = await ctx.getClient();
    await ctx.ui.withProgress('Changing the node’s eligibility…', () => client.setNodeEligibility(node.ID, !eligible));
    ctx.ui.info(`Node ${nameOf(node)} is now ${eligible ? 'ineligible' : 'eligible'} for new allocations.`);
  } catch (error) {
    reportFailure(ctx.ui, 'Changing the node’s eligibility', error);
  }
}

/** The problem with a drain deadline, or undefined: a Go duration above zero, or -1s to stop allocations at once. */
export function deadlineProblem(text: string): string | undefined {
  try {
    const ms = parseGoDuration(text.trim());
    return ms > 0 || ms === -1000 ? undefined : 'Give a deadline above zero (e.g. 30m), or -1s to stop its allocations at once.';
  } catch {
    return `"${text}" is not a duration; write it like 30m or 1h.`;
  }
}

export async function drainNode(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    const node = await resolveNode(ctx, arg, 'Drain which node?');
    if (!node) return;
    if (node.Drain) {
      ctx.ui.info(`Node ${nameOf(node)} is already draining.`);
      return;
    }
    const deadline = await ctx.ui.input({
      title: `Drain node ${nameOf(node)}`,
      prompt: 'Deadline: allocations still there when it passes are stopped (-1s: stop them at once).',
      value: DEFAULT_DEADLINE,
      validate: deadlineProblem,
    });
    if (deadline === undefined || deadlineProblem(deadline)) return;
    const answer = await ctx.ui.confirm(`Drain node ${nameOf(node)} within ${deadline.trim()}?`, {
      detail: 'It becomes ineligible and Nomad moves its allocations to other nodes (system jobs last); with no other node they are stopped.',
      actions: [DRAIN],
    });
    if (answer !== DRAIN) return;
    const client = await ctx.getClient();
    const nanoseconds = parseGoDuration(deadline.trim()) * 1e6;
    await ctx.ui.withProgress('Starting the drain…', () => client.drainNode(node.ID, { deadline: nanoseconds, ignoreSystemJobs: false }));
    ctx.ui.info(`Node ${nameOf(node)} is draining.`);
  } catch (error) {
    reportFailure(ctx.ui, 'Draining the node', error);
  }
}

export async function stopNodeDrain(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    const node = await resolveNode(ctx, arg, 'Stop the drain of which node?');
    if (!node) return;
    if (!node.Drain) {
      ctx.ui.info(`Node ${nameOf(node)} is not draining.`);
      return;
    }
    const answer = await ctx.ui.confirm(`Stop draining node ${nameOf(node)}?`, {
      detail: 'Allocations already moved stay where they are; the node becomes eligible for new allocations again.',
      actions: [STOP_DRAIN],
    });
    if (answer !== STOP_DRAIN) return;
    const client = await ctx.getClient();
    await ctx.ui.withProgress('Stopping the drain…', () => client.drainNode(node.ID, null));
    ctx.ui.info(`Node ${nameOf(node)} is no longer draining and is eligible again.`);
  } catch (error) {
    reportFailure(ctx.ui, 'Stopping the drain', error);
  }
}
