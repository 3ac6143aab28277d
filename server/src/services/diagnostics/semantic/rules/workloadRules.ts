// What Task.Validate checks of a task's workload identities (1.7+,
// WorkloadIdentity.Validate and Warnings) and of its actions (1.7+,
// Action.Validate).
import { booleanOf, durationOf, known, nonEmpty, stringOf, stringsOf, type ObjectView } from '../jobView';
import { reportRepeats } from '../repeats';
import type { Findings, SemanticRule } from '../semanticRule';
import { versionAtLeast } from '../../../../schema/targetVersion';

const IDENTITY_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

/** Nomad's default identity: no name, or "default". Canonicalize moves it out of the task's list. */
function isDefaultIdentity(identity: ObjectView): boolean {
  const name = identity.field('Name');
  return !nonEmpty(name) || stringOf(name) === 'default';
}

export const identityValid: SemanticRule = {
  id: 'identity-invalid',
  summary: 'task identities: a name of letters, digits, - and _ (at most 128), no empty aud, change_signal exactly with change_mode "signal", ttl not negative (and not on the default identity from 1.9), filepath only with file = true (1.9), one default identity',
  since: '1.7.0',
  check(job, findings) {
    // Nomad validates the default identity itself from 1.9; before, only the others.
    const defaultsValidated = versionAtLeast(findings.version, '1.9.0');
    for (const task of job.tasks) {
      let firstDefault: ObjectView | undefined;
      for (const identity of task.view.objects('Identities')) {
        const isDefault = isDefaultIdentity(identity);
        if (isDefault) {
          if (firstDefault) findings.report(identity.place, `task "${task.name ?? ''}" has more than one default identity (one without a name, or named "default")`, { related: [{ place: firstDefault.place, message: 'the first default identity' }] });
          else firstDefault = identity;
        }
        if (!isDefault || defaultsValidated) checkIdentity(identity, isDefault, findings);
      }
      // API JSON may carry the default identity in its own field; the list's one replaces it.
      if (defaultsValidated && !firstDefault) for (const identity of task.view.objects('Identity')) checkIdentity(identity, true, findings);
    }
  },
};

function checkIdentity(identity: ObjectView, isDefault: boolean, findings: Findings): void {
  const name = identity.field('Name');
  const nameText = stringOf(name);
  if (name && !isDefault && nameText !== undefined && !IDENTITY_NAME.test(nameText)) findings.report(name.place, `"${nameText}" is not an identity name: use 1 to 128 letters, digits, "-" and "_"`);
  // The default identity's audience is Nomad's own, whatever is written.
  const audience = identity.field('Audience');
  if (audience && !isDefault && stringsOf(audience)?.includes('')) findings.report(audience.place, 'An identity audience cannot be an empty string');
  const mode = identity.field('ChangeMode');
  const modeText = mode ? stringOf(mode) : '';
  const signalField = nonEmpty(identity.field('ChangeSignal'));
  // A signal that needs evaluation may well be "": only a written one is judged.
  const signal = known(signalField) ? signalField : undefined;
  if (modeText === 'signal' && !signalField && mode) findings.report(mode.place, `change_mode "signal" needs the signal to send (${findings.name('change_signal', 'ChangeSignal')}), e.g. "SIGHUP"`);
  if ((modeText === '' || modeText === 'noop' || modeText === 'restart') && signal) findings.report(signal.place, `${findings.name('change_signal', 'ChangeSignal')} is only used with change_mode "signal"`);
  const ttl = identity.field('TTL');
  const ttlValue = durationOf(ttl);
  if (ttl && ttlValue !== undefined && ttlValue < 0) findings.report(ttl.place, 'An identity ttl cannot be negative');
  else if (ttl && ttlValue !== undefined && ttlValue > 0 && isDefault) findings.report(ttl.place, 'The default identity cannot have a ttl: give the identity a name');
  if (versionAtLeast(findings.version, '1.9.0')) {
    const filepath = nonEmpty(identity.field('Filepath'));
    const file = identity.field('File');
    const fileOn = file ? booleanOf(file) : false;
    if (filepath && known(filepath) && fileOn === false) findings.report(filepath.place, `filepath needs ${findings.name('file', 'File')} = true: the identity is only written to a file then`);
  }
}

export const identityEnvRestart: SemanticRule = {
  id: 'identity-env-restart',
  summary: 'an identity in the environment (env = true) is only renewed there with change_mode "restart" (warning)',
  since: '1.7.0',
  check(job, findings) {
    for (const task of job.tasks) {
      for (const identity of task.view.objects('Identities')) {
        // Warnings() runs over the named identities only.
        if (isDefaultIdentity(identity)) continue;
        const env = identity.field('Env');
        const mode = identity.field('ChangeMode');
        if (env && booleanOf(env) === true && (!mode || (known(mode) && stringOf(mode) !== 'restart'))) {
          findings.report(env.place, 'With env = true and no change_mode "restart", the task keeps the old identity in its environment after a renewal', { severity: 'warning' });
        }
      }
    }
  },
};

/** Action names: before 1.9.4 letters, digits and dashes; from 1.9.4 anything but whitespace and NUL. Both 1 to 128 characters. */
function actionNameProblem(name: string, version: string): string | undefined {
  const characters = [...name];
  if (characters.length < 1 || characters.length > 128) return `An action name has 1 to 128 characters, not ${characters.length}`;
  if (versionAtLeast(version, '1.9.4')) return /[\t\n\f\r \0]/.test(name) ? `"${name}" is not an action name: no spaces or other whitespace` : undefined;
  return /^[a-zA-Z0-9-]+$/.test(name) ? undefined : `"${name}" is not an action name before Nomad 1.9.4: use letters, digits and "-" (the target is ${version})`;
}

export const actionValid: SemanticRule = {
  id: 'action-invalid',
  summary: 'task actions: a command, a name of 1 to 128 characters (letters, digits and - before 1.9.4; no whitespace from 1.9.4), names unique in the task',
  since: '1.7.0',
  check(job, findings) {
    for (const task of job.tasks) {
      const actions = task.view.objects('Actions');
      for (const action of actions) {
        const name = action.field('Name');
        const text = name ? stringOf(name) : '';
        const problem = text === undefined ? undefined : actionNameProblem(text, findings.version);
        if (problem) findings.report(name?.place ?? action.place, problem);
        const command = action.field('Command');
        if (command && command.value === '') findings.report(command.place, 'The action needs a command to run');
      }
      // In HCL two action blocks of one name are the duplicate-name rule's finding.
      if (findings.shape === 'api-json') reportRepeats(findings, actions.map((action) => action.field('Name')), (name) => `task "${task.name ?? ''}" already has an action "${name}"`, 'the first one');
    }
  },
};
