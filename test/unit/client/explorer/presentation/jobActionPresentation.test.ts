// Action rows under task rows: which actions belong to a task, how their
// command reads, and that only a running task's actions offer Run Action.
import * as assert from 'assert';
import { actionCommandLine, actionsOfTask, jobActionView } from '../../../../../client/src/explorer/presentation/jobActionPresentation';
import { taskView } from '../../../../../client/src/explorer/presentation/taskPresentation';
import type { AllocationListStub, JobAction } from '../../../../../client/src/nomad/types';

const action = (Name: string, TaskName = 'app', TaskGroupName = 'web', Command = '/bin/echo', Args: string[] | null = []): JobAction => ({ Name, Command, Args, TaskName, TaskGroupName });

describe('job action rows', () => {
  it('a task shows the actions of its own task and group, by name', () => {
    const actions = [action('warm'), action('dump', 'app', 'worker'), action('clear'), action('tail', 'sidecar')];
    assert.deepStrictEqual(actionsOfTask(actions, 'web', 'app').map((a) => a.Name), ['clear', 'warm']);
    assert.deepStrictEqual(actionsOfTask(actions, 'worker', 'app').map((a) => a.Name), ['dump']);
    assert.deepStrictEqual(actionsOfTask(actions, 'web', 'db'), []);
  });

  it('the command reads as typed: words with spaces, quotes or $ are single-quoted', () => {
    assert.strictEqual(actionCommandLine(action('a', 'app', 'web', '/bin/sh', ['-c', 'echo "$HOME" it\'s'])), `/bin/sh -c 'echo "$HOME" it'\\''s'`);
    assert.strictEqual(actionCommandLine(action('a', 'app', 'web', 'date', null)), 'date');
    assert.strictEqual(actionCommandLine(action('a', 'app', 'web', 'printf', [''])), "printf ''");
  });

  it('only a running task\'s action offers to run; others say why in the tooltip', () => {
    const running = jobActionView(action('warm', 'app', 'web', 'curl', ['-s', 'localhost']), 'running');
    assert.strictEqual(running.label, 'warm');
    assert.strictEqual(running.description, 'curl -s localhost');
    assert.strictEqual(running.contextValue, 'jobAction:running');
    assert.strictEqual(running.collapsible, 'none');
    assert.doesNotMatch(running.tooltip ?? '', /actions run only/);
    const dead = jobActionView(action('warm'), 'dead');
    assert.strictEqual(dead.contextValue, 'jobAction:dead');
    assert.match(dead.tooltip ?? '', /The task is dead; actions run only in a running task\./);
  });

  it('a server-sent command cannot close the tooltip\'s code block', () => {
    const view = jobActionView(action('x', 'app', 'web', 'echo', ['```', 'done']), 'running');
    assert.strictEqual((view.tooltip ?? '').match(/```/g)?.length, 2);
  });

  it('a task row expands only when its job declares actions for it', () => {
    const allocation = { ID: 'a1', Name: 'web.web[0]', TaskGroup: 'web', TaskStates: { app: { State: 'running', Failed: false, Events: [] } } } as unknown as AllocationListStub;
    assert.strictEqual(taskView(allocation, 'app', Date.now()).collapsible, 'none');
    assert.strictEqual(taskView(allocation, 'app', Date.now(), 2).collapsible, 'collapsed');
  });
});
