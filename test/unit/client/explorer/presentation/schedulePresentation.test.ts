import * as assert from 'assert';
import { nextLaunch, scheduleView, timeUntil } from '../../../../../client/src/explorer/presentation/schedulePresentation';

const NOW = Date.parse('2026-03-10T11:58:30Z');

describe('periodic job schedule (explorer/presentation/schedulePresentation)', () => {
  it('computes the next launch from the cron spec in the job\'s time zone', () => {
    assert.strictEqual(nextLaunch({ Spec: '*/5 * * * *' }, NOW)?.toISOString(), '2026-03-10T12:00:00.000Z');
    // 02:00 in New York is 06:00 UTC in March after the switch to daylight time (UTC-4).
    assert.strictEqual(nextLaunch({ Spec: '0 2 * * *', TimeZone: 'America/New_York' }, NOW)?.toISOString(), '2026-03-11T06:00:00.000Z');
    assert.strictEqual(nextLaunch({ Spec: '@daily' }, NOW)?.toISOString(), '2026-03-11T00:00:00.000Z');
  });

  it('has no next launch for a spec it cannot read or another spec type', () => {
    assert.strictEqual(nextLaunch({ Spec: 'every tuesday' }, NOW), undefined);
    assert.strictEqual(nextLaunch({ Spec: '1', SpecType: 'test' }, NOW), undefined);
  });

  it('shows the spec, the zone and how far away the next launch is', () => {
    assert.strictEqual(scheduleView({ Spec: '*/5 * * * *', Enabled: true }, NOW).description, '*/5 * * * * (UTC) · next launch in 2m');
    assert.strictEqual(scheduleView({ Spec: '0 2 * * *', TimeZone: 'Europe/Berlin' }, NOW).description, '0 2 * * * (Europe/Berlin) · next launch in 13h 2m');
    assert.strictEqual(scheduleView({ Spec: '*/5 * * * *', Enabled: false }, NOW).description, '*/5 * * * * (UTC) · disabled');
    assert.match(scheduleView({ Spec: '*/5 * * * *' }, NOW).tooltip ?? '', /Next launch: 2026-03-10T12:00:00.000Z/);
  });

  it('says how far away a time is in minutes, hours and days', () => {
    assert.strictEqual(timeUntil(new Date(NOW + 20_000), NOW), 'in under a minute');
    assert.strictEqual(timeUntil(new Date(NOW + 3 * 3_600_000), NOW), 'in 3h');
    assert.strictEqual(timeUntil(new Date(NOW + 5 * 86_400_000), NOW), 'in 5d');
  });
});
