import type { Kpi } from '../../src/core/model';
import {
  STATUS_ORDER,
  countStatuses,
  needsRemediation,
  statusOf,
  worstStatus,
  type StatusRules,
} from '../../src/core/status';

// From the demo organisation (src/store/demo/model.json).
const turnaround: StatusRules = { direction: 'down', target: 6.4, thresholds: { amber: 7.0, red: 7.6 } };
const uptime: StatusRules = { direction: 'up', target: 0.995, thresholds: { amber: 0.99, red: 0.98 } };

describe('statusOf with thresholds', () => {
  it.each([
    [8, 'off-track'],
    [7.6, 'off-track'], // exactly at red
    [7.59, 'at-risk'],
    [7.0, 'at-risk'], // exactly at amber
    [6.99, 'on-track'],
    [6.4, 'on-track'],
    [5, 'on-track'],
  ] as const)('direction down: %p is %s', (value, status) => {
    expect(statusOf(turnaround, value, '2026-10')).toBe(status);
  });

  it.each([
    [0.9, 'off-track'],
    [0.98, 'off-track'], // exactly at red
    [0.9801, 'at-risk'],
    [0.99, 'at-risk'], // exactly at amber
    [0.9901, 'on-track'],
    [0.995, 'on-track'],
    [1, 'on-track'],
  ] as const)('direction up: %p is %s', (value, status) => {
    expect(statusOf(uptime, value, '2026-10')).toBe(status);
  });

  it('treats a computed value equal to a threshold up to float noise as at the threshold', () => {
    const kpi: StatusRules = { direction: 'up', thresholds: { amber: 0.3, red: 0.1 } };
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(statusOf(kpi, 0.1 + 0.2, '2026-10')).toBe('at-risk');
    const down: StatusRules = { direction: 'down', thresholds: { amber: 0.30000000000000004, red: 0.5 } };
    expect(statusOf(down, 0.3, '2026-10')).toBe('at-risk');
  });

  it('decides by thresholds alone, whatever the target', () => {
    const kpi: StatusRules = { direction: 'up', target: 100, thresholds: { amber: 50, red: 40 } };
    expect(statusOf(kpi, 60, '2026-10')).toBe('on-track');
  });

  it('with amber equal to red, skips at-risk', () => {
    const kpi: StatusRules = { direction: 'down', target: 10, thresholds: { amber: 12, red: 12 } };
    expect(statusOf(kpi, 12, '2026-10')).toBe('off-track');
    expect(statusOf(kpi, 11.9, '2026-10')).toBe('on-track');
  });
});

describe('statusOf without thresholds', () => {
  const up: StatusRules = { direction: 'up', target: 10 };
  const down: StatusRules = { direction: 'down', target: 10 };

  it.each([
    [up, 10, 'on-track'],
    [up, 11, 'on-track'],
    [up, 9.99, 'off-track'],
    [down, 10, 'on-track'],
    [down, 9, 'on-track'],
    [down, 10.01, 'off-track'],
  ] as const)('%p: %p is %s', (kpi, value, status) => {
    expect(statusOf(kpi, value, '2026-10')).toBe(status);
  });

  it('uses the per-period target where one is set', () => {
    const kpi: Pick<Kpi, 'direction' | 'target' | 'periodTargets'> = {
      direction: 'up',
      target: 10,
      periodTargets: { '2026-03': 12 },
    };
    expect(statusOf(kpi, 11, '2026-03')).toBe('off-track');
    expect(statusOf(kpi, 12, '2026-03')).toBe('on-track');
    expect(statusOf(kpi, 11, '2026-04')).toBe('on-track');
  });

  it('uses a per-period target even without a KPI-wide target', () => {
    const kpi: StatusRules = { direction: 'down', periodTargets: { '2026-Q1': 5 } };
    expect(statusOf(kpi, 6, '2026-Q1')).toBe('off-track');
    expect(statusOf(kpi, 6, '2026-Q2')).toBe('on-track');
  });

  it('is on track without target and thresholds: there is nothing to miss', () => {
    expect(statusOf({ direction: 'up' }, -5, '2026')).toBe('on-track');
    expect(statusOf({ direction: 'down' }, 1e9, '2026')).toBe('on-track');
  });
});

describe('statusOf without a value', () => {
  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('%p is no-data', (value) => {
    expect(statusOf(uptime, value, '2026-10')).toBe('no-data');
    expect(statusOf({ direction: 'up' }, value, '2026-10')).toBe('no-data');
  });
});

describe('worstStatus', () => {
  it('orders off-track, at-risk, on-track, then no-data', () => {
    expect(STATUS_ORDER).toEqual(['off-track', 'at-risk', 'on-track', 'no-data']);
    expect(worstStatus(['on-track', 'off-track', 'at-risk'])).toBe('off-track');
    expect(worstStatus(['on-track', 'at-risk', 'no-data'])).toBe('at-risk');
  });

  it('is on-track when one KPI is on track and another has no data', () => {
    expect(worstStatus(['no-data', 'on-track'])).toBe('on-track');
  });

  it('is no-data only when nothing has data', () => {
    expect(worstStatus(['no-data', 'no-data'])).toBe('no-data');
    expect(worstStatus([])).toBe('no-data');
  });
});

describe('countStatuses', () => {
  it('counts every status, zero included', () => {
    expect(countStatuses(['on-track', 'no-data', 'on-track'])).toEqual({
      'no-data': 1,
      'on-track': 2,
      'at-risk': 0,
      'off-track': 0,
    });
    expect(countStatuses([])).toEqual({ 'no-data': 0, 'on-track': 0, 'at-risk': 0, 'off-track': 0 });
  });
});

describe('needsRemediation', () => {
  it.each([
    ['at-risk', true],
    ['off-track', true],
    ['on-track', false],
    ['no-data', false],
  ] as const)('%s → %p', (status, expected) => {
    expect(needsRemediation(status)).toBe(expected);
  });
});
