import * as assert from 'assert';
import { isWithin, WatchSet } from '../../../../client/src/explorer/watchSet';

class FakeResource {
  running = false;
  starts = 0;
  start(): void {
    if (!this.running) this.starts++;
    this.running = true;
  }
  stop(): void {
    this.running = false;
  }
}

describe('WatchSet', () => {
  it('matches descendants by key path, not by prefix alone', () => {
    assert.ok(isWithin('job%3Aa/allocations', 'job%3Aa'));
    assert.ok(isWithin('job%3Aa', 'job%3Aa'));
    assert.ok(!isWithin('job%3Aab/allocations', 'job%3Aa'));
  });

  it('runs wanted resources only while the view is visible', () => {
    const set = new WatchSet();
    const list = new FakeResource();
    set.want(list, 'root');
    assert.strictEqual(list.running, false);
    set.setVisible(true);
    assert.strictEqual(list.running, true);
    set.setVisible(false);
    assert.strictEqual(list.running, false);
    set.setVisible(true);
    assert.strictEqual(list.running, true);
    assert.strictEqual(list.starts, 2);
  });

  it('stops a section for good when it collapses', () => {
    const set = new WatchSet();
    set.setVisible(true);
    const allocations = new FakeResource();
    set.want(allocations, 'job/allocations');
    set.collapsed('job/allocations');
    assert.strictEqual(allocations.running, false);
    set.expanded('job/allocations');
    assert.strictEqual(allocations.running, false, 'expanding again asks for children, which wants it again');
    set.setVisible(false);
    set.setVisible(true);
    assert.strictEqual(allocations.running, false, 'a released resource stays stopped');
  });

  it('suspends expanded sections while their job is collapsed and resumes them with it', () => {
    const set = new WatchSet();
    set.setVisible(true);
    const allocations = new FakeResource();
    const other = new FakeResource();
    set.want(allocations, 'job/allocations');
    set.want(other, 'other/allocations');
    set.collapsed('job');
    assert.strictEqual(allocations.running, false);
    assert.strictEqual(other.running, true);
    set.expanded('job');
    assert.strictEqual(allocations.running, true);
  });

  it('resumes only what the re-expanded node suspended', () => {
    const set = new WatchSet();
    set.setVisible(true);
    const section = new FakeResource();
    set.want(section, 'parent/children/job/allocations');
    set.collapsed('parent/children/job');
    set.collapsed('parent');
    set.expanded('parent');
    assert.strictEqual(section.running, false, 'the job itself is still collapsed');
    set.expanded('parent/children/job');
    assert.strictEqual(section.running, true);
  });

  it('does not start suspended resources when the view becomes visible', () => {
    const set = new WatchSet();
    set.setVisible(true);
    const section = new FakeResource();
    set.want(section, 'job/allocations');
    set.collapsed('job');
    set.setVisible(false);
    set.setVisible(true);
    assert.strictEqual(section.running, false);
  });

  it('forgets everything under a removed job', () => {
    const set = new WatchSet();
    set.setVisible(true);
    const a = new FakeResource();
    const b = new FakeResource();
    set.want(a, 'job/allocations');
    set.want(b, 'job/versions');
    set.forget('job');
    assert.strictEqual(a.running || b.running, false);
    set.setVisible(false);
    set.setVisible(true);
    assert.strictEqual(a.running || b.running, false);
  });
});
