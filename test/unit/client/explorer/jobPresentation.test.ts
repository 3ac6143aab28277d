import * as assert from 'assert';
import { jobContextValue, jobDescription, jobIcon, jobTooltip, jobView } from '../../../../client/src/explorer/presentation/jobPresentation';
import { job, summary } from './fixtures';

describe('job presentation', () => {
  describe('description', () => {
    it('shows type, status and running/wanted allocations of a service', () => {
      const stub = job('web', { JobSummary: summary({ api: { Running: 2 }, cache: { Running: 1 } }) });
      assert.strictEqual(jobDescription(stub, false), 'service · running · 3/3');
    });

    it('counts queued and starting allocations as wanted but not running', () => {
      const stub = job('web', { JobSummary: summary({ api: { Running: 1, Starting: 1, Queued: 1 } }) });
      assert.strictEqual(jobDescription(stub, false), 'service · running · 1/3');
    });

    it('reports failures and losses', () => {
      const stub = job('web', { JobSummary: summary({ api: { Running: 2, Failed: 3, Lost: 1 } }) });
      assert.strictEqual(jobDescription(stub, false), 'service · running · 2/2 · 3 failed · 1 lost');
    });

    it('shows completed work for a finished batch job instead of a ratio', () => {
      const stub = job('nightly', { Type: 'batch', Status: 'dead', JobSummary: summary({ g: { Complete: 1 } }) });
      assert.strictEqual(jobDescription(stub, false), 'batch · dead · 1 complete');
    });

    it('marks a stopped job', () => {
      const stub = job('web', { Stop: true, Status: 'dead', JobSummary: summary({ api: { Complete: 0 } }) });
      assert.strictEqual(jobDescription(stub, false), 'service · stopped');
    });

    it('describes a parameterized job by what it dispatched', () => {
      const stub = job('param', {
        Type: 'batch',
        ParameterizedJob: true,
        JobSummary: summary({ g: {} }, { Dead: 2, Running: 1 }),
      });
      assert.strictEqual(jobDescription(stub, false), 'batch · parameterized · 3 dispatched · 1 running');
    });

    it('describes a periodic job by its launches', () => {
      const stub = job('cron', { Type: 'batch', Periodic: true, JobSummary: summary({ g: {} }, { Dead: 1 }) });
      assert.strictEqual(jobDescription(stub, false), 'batch · periodic · 1 launched');
    });

    it('prefixes the namespace when all namespaces are listed', () => {
      assert.strictEqual(jobDescription(job('web', { Namespace: 'dev' }), true), 'dev · service · running · 1/1');
    });

    it('copes with a list item that has no summary', () => {
      assert.strictEqual(jobDescription(job('web', { JobSummary: undefined }), false), 'service · running');
    });
  });

  describe('context value', () => {
    it('carries type and status', () => {
      assert.strictEqual(jobContextValue(job('web')), 'job:service:running');
    });

    it('flags parameterized, periodic and child jobs so menus can match them', () => {
      assert.strictEqual(jobContextValue(job('p', { Type: 'batch', ParameterizedJob: true })), 'job:batch:running:parameterized');
      assert.strictEqual(jobContextValue(job('c', { Type: 'batch', Periodic: true })), 'job:batch:running:periodic');
      assert.strictEqual(jobContextValue(job('p/dispatch-1', { Type: 'batch', ParentID: 'p', Status: 'dead' })), 'job:batch:dead:child');
    });

    it('says stopped instead of dead for a stopped job', () => {
      assert.strictEqual(jobContextValue(job('web', { Stop: true, Status: 'dead' })), 'job:service:stopped');
    });
  });

  describe('icon and colour', () => {
    it('picks the icon by type and the colour by status', () => {
      assert.deepStrictEqual(jobIcon(job('web')), { id: 'server-process', color: 'charts.green' });
      assert.deepStrictEqual(jobIcon(job('b', { Type: 'batch', Status: 'pending' })), { id: 'tasklist', color: 'charts.yellow' });
      assert.deepStrictEqual(jobIcon(job('s', { Type: 'system' })).id, 'server-environment');
    });

    it('uses yellow while allocations are queued', () => {
      assert.strictEqual(jobIcon(job('web', { JobSummary: summary({ g: { Running: 1, Queued: 1 } }) })).color, 'charts.yellow');
    });

    it('uses red for a dead job whose allocations only failed', () => {
      const failed = job('b', { Type: 'batch', Status: 'dead', JobSummary: summary({ g: { Failed: 2 } }) });
      assert.strictEqual(jobIcon(failed).color, 'charts.red');
      const finished = job('b', { Type: 'batch', Status: 'dead', JobSummary: summary({ g: { Complete: 1, Failed: 1 } }) });
      assert.strictEqual(jobIcon(finished).color, 'disabledForeground');
    });

    it('greys out stopped jobs and gives templates their own icons', () => {
      assert.strictEqual(jobIcon(job('web', { Stop: true })).color, 'disabledForeground');
      assert.strictEqual(jobIcon(job('p', { ParameterizedJob: true })).id, 'symbol-parameter');
      assert.strictEqual(jobIcon(job('c', { Periodic: true })).id, 'history');
    });
  });

  it('builds a collapsible row labelled with the id', () => {
    const view = jobView(job('web'), { showNamespace: false });
    assert.strictEqual(view.label, 'web');
    assert.strictEqual(view.collapsible, 'collapsed');
  });

  it('escapes server text in the tooltip and includes the summary table', () => {
    const tooltip = jobTooltip(job('web', { StatusDescription: '<b>*boom*</b>' }));
    assert.ok(tooltip.includes('\\<b\\>\\*boom\\*\\</b\\>'), tooltip);
    assert.ok(tooltip.includes('| web | 0 | 0 | 1 | 0 | 0 | 0 |'), tooltip);
  });
});
