// What Nomad answered when it refused a call: the status and its plain-text
// reason, for tests that compare refusals with the real agent's.
import * as assert from 'assert';
import { isNomadError } from '../../../client/src/nomad/errors';

export async function refusal(call: () => Promise<unknown>): Promise<{ status?: number; text?: string }> {
  try {
    await call();
  } catch (error) {
    assert.ok(isNomadError(error), String(error));
    return { status: error.status, text: error.serverText };
  }
  assert.fail('the request was accepted');
}
