import * as assert from 'assert';
import { allocationView } from '../../../../client/src/explorer/presentation/allocationPresentation';
import { taskNamesOf, taskView } from '../../../../client/src/explorer/presentation/taskPresentation';
import type { TaskState } from '../../../../client/src/nomad/types';
import { allocation } from './fixtures';

const NOW = Date.parse('2026-11-27T12:00:00Z');

function state(overrides: Partial<TaskState>): TaskState {
  return { State: 'running', Failed: false, Events: [], ...overrides };
}

describe('task rows', () => {
  it('lists an allocation\'s tasks by name and makes the allocation expandable only when it has some', () => {
    const alloc = allocation({ TaskStates: { web: state({}), 'log-shipper': state({}), db: state({}) } });
    assert.deepStrictEqual(taskNamesOf(alloc), ['db', 'log-shipper', 'web']);
    assert.strictEqual(allocationView(alloc, NOW).collapsible, 'collapsed');
    assert.strictEqual(allocationView(allocation({ TaskStates: null }), NOW).collapsible, 'none');
  });

  it('shows a running task with its age and restarts', () => {
    const alloc = allocation({ TaskStates: { web: state({ StartedAt: '2026-11-27T11:55:00Z', Restarts: 2 }) } });
    const view = taskView(alloc, 'web', NOW);
    assert.strictEqual(view.label, 'web');
    assert.strictEqual(view.description, 'running · 5m ago · 2 restarts');
    assert.deepStrictEqual(view.icon, { id: 'pass', color: 'charts.green' });
    assert.strictEqual(view.contextValue, 'task:running');
  });

  it('tells a failed task from one that finished, by icon and description', () => {
    const failed = taskView(allocation({ TaskStates: { t: state({ State: 'dead', Failed: true, FinishedAt: '2026-11-27T11:59:30Z' }) } }), 't', NOW);
    assert.strictEqual(failed.description, 'dead (failed) · 30s ago');
    assert.deepStrictEqual(failed.icon, { id: 'error', color: 'charts.red' });
    assert.strictEqual(failed.contextValue, 'task:dead');
    const done = taskView(allocation({ TaskStates: { t: state({ State: 'dead' }) } }), 't', NOW);
    assert.deepStrictEqual(done.icon, { id: 'check', color: 'disabledForeground' });
  });

  it('puts the task\'s own events in the tooltip, escaping what the server wrote', () => {
    const events = [
      { Type: 'Started', Time: 1795773123401930492, DisplayMessage: 'Task started by client' },
      { Type: 'Terminated', Time: 1795773124401930492, DisplayMessage: 'Exit Code: 1, **boom** ```' },
    ];
    const alloc = allocation({ TaskStates: { t: state({ State: 'dead', Failed: true, Events: events }), other: state({ Events: [{ Type: 'Other-task-event', Time: 1795773124401930492 }] }) } });
    const tooltip = taskView(alloc, 't', NOW).tooltip ?? '';
    assert.match(tooltip, /^\*\*t\*\* in svc\\-sleep\\\.g\\\[0\\\]/);
    assert.match(tooltip, /- Last event: Terminated: Exit Code: 1, \\\*\\\*boom\\\*\\\* \\`\\`\\`/);
    assert.match(tooltip, /```text\nTask "t": dead, failed\n[\s\S]*Started[\s\S]*\n```$/);
    assert.ok(!tooltip.includes('Other-task-event'), 'another task\'s events leaked in');
    assert.strictEqual((tooltip.match(/```/g) ?? []).length, 2, 'server backticks must not open or close a fence');
  });
});
