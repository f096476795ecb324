import { isOverdue, overdueFrom } from '../../src/core/overdue';

describe('isOverdue', () => {
  it.each([
    // period, asOf, overdue without a reading
    ['2026-10', '2026-10-31', false], // the last day of the period
    ['2026-10', '2026-11-01', false],
    ['2026-10', '2026-11-02', false], // exactly 2 days after the end
    ['2026-10', '2026-11-03', true],
    ['2026-10', '2027-01-15', true],
    ['2026-W47', '2026-11-24', false], // W47 ends Sunday 2026-11-22
    ['2026-W47', '2026-11-25', true],
    ['2026-Q4', '2027-01-02', false],
    ['2026-Q4', '2027-01-03', true],
    ['2025', '2026-01-02', false],
    ['2025', '2026-01-03', true],
    ['2028-02', '2028-03-02', false], // leap February ends on the 29th
    ['2028-02', '2028-03-03', true],
  ] as const)('%s as of %s → %p', (period, asOf, overdue) => {
    expect(isOverdue(period, false, asOf)).toBe(overdue);
  });

  it('is never overdue with a reading', () => {
    expect(isOverdue('2026-10', true, '2027-06-01')).toBe(false);
  });

  it('names the first overdue day', () => {
    expect(overdueFrom('2026-10')).toBe('2026-11-03');
    expect(overdueFrom('2026-12')).toBe('2027-01-03');
    expect(overdueFrom('2026-W53')).toBe('2027-01-06'); // 2026 has 53 ISO weeks: W53 ends Sunday 2027-01-03
  });
});
