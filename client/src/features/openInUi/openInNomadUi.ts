// nomad.openInUi: open the row's page of the cluster's web UI in the browser.
// The page shape follows the cluster's version (asked from /v1/agent/self);
// the ACL token is never put in the address: the UI asks for its own.
import { agentVersion } from '../../nomad/agent';
import { reportFailure, type ActionContext } from '../actions/actionContext';
import { pickJob } from '../actions/targets';
import { nomadUiUrl, uiTargetFrom, type UiTarget } from './nomadUiUrl';

export async function openInNomadUi(ctx: ActionContext, arg?: unknown): Promise<void> {
  try {
    let target: UiTarget | undefined = uiTargetFrom(arg);
    if (!target) {
      const job = await pickJob(ctx, { title: 'Open which job in the Nomad UI?' });
      if (!job) return;
      target = { kind: 'job', id: job.id, namespace: job.namespace };
    }
    const client = await ctx.getClient();
    // Without agent:read the version stays unknown and the current UI's routes are used.
    const version = await client.agentSelf().then(agentVersion, () => undefined);
    const url = nomadUiUrl(client.config.address, target, version);
    if (!url) {
      ctx.ui.info(`The web UI of Nomad ${version} has no page for this ${target.kind}.`);
      return;
    }
    await ctx.ui.openExternal(url);
  } catch (error) {
    reportFailure(ctx.ui, 'Opening the Nomad UI', error);
  }
}
