import { monthlyPacks, packCell } from '../../../src/store/demo/demo-packs';
import { demoStory, storyEnd } from '../../../src/store/demo/demo-story';

describe.each(['2026-11-30', '2027-01-01'])('the sample packs of the demo seeded on %s', (today) => {
  const end = storyEnd(today);
  const [central, north] = monthlyPacks(end);
  const first = demoStory(end).readings;

  test('run from the story’s first month to the month after the running one', () => {
    expect(central!.months).toHaveLength(12);
    expect(central!.months[9]).toBe(end.month);
    expect(central!.rows.every((r) => r.cells.slice(10).every((c) => c === null))).toBe(true);
  });

  test('the central pack holds every first report of its KPIs (FCR in points), and Sam’s unsent month', () => {
    for (const reading of first) {
      const cell = packCell(central!, reading.kpiId, reading.period);
      if (cell === undefined) continue; // not a KPI of the pack
      expect([reading.kpiId, reading.period, cell]).toEqual([
        reading.kpiId,
        reading.period,
        reading.kpiId === 'service.fcr' ? Number((reading.value * 100).toFixed(1)) : reading.value,
      ]);
    }
    expect(packCell(central!, 'service.fcr', end.month)).toBe(75.8);
  });

  test('the regional copy drifted in exactly three cells', () => {
    const changed = north!.rows.flatMap((row, r) =>
      row.cells.flatMap((cell, i) =>
        cell === central!.rows[r]!.cells[i] ? [] : [[row.kpiId, north!.months[i], cell]],
      ),
    );
    expect(changed).toEqual([
      ['claims.turnaround_days', end.month, 6.4],
      ['ops.fte', central!.months[8], 'n/a'],
      ['service.fcr', central!.months[5], 74],
    ]);
  });
});
