/**
 * Summary for a leader: statuses in words, value against target, what is
 * overdue, and the summary sheet written into the workbook without touching
 * the user's own sheets.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedPackTruth } from '../../fixtures/pack-truth';
import { openWorld, renderSignedIn, type PaneWorld } from '../harness';

jest.setTimeout(60_000);

describe('the Summary panel', () => {
  let world: PaneWorld;
  beforeAll(async () => {
    world = await openWorld('ops-monthly.xlsx');
    // Sam's October first-contact resolution is missing: due, then overdue.
    await seedPackTruth(world.server, (r) => !(r.kpiId === 'service.fcr' && r.period === '2026-10'));
  });
  afterAll(async () => {
    cleanup();
    await world.server.close();
  });

  test('shows the hierarchy with statuses in words and writes the summary sheet', async () => {
    const user = userEvent.setup();
    await renderSignedIn(world, 'leo');
    expect(await screen.findByRole('heading', { name: /Summary as of 2026-11-24/ })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'KPIs by pillar and program' });
    const fcr = within(list).getByText('First-contact resolution').closest('li')!;
    expect(within(fcr).getByText(/Oct 2026: not reported/)).toBeTruthy();
    expect(within(fcr).getByText(/last 75\.3% \(Sep 2026\)/)).toBeTruthy();
    expect(within(fcr).getByText('Overdue')).toBeTruthy();
    for (const badge of within(list).getAllByText(/^(On track|At risk|Off track|No data)$/)) {
      expect(badge.textContent).not.toBe('');
    }

    const [userSheetBefore] = await world.host.readBlocks([{ sheet: 'Ops KPIs', address: 'A1:N12' }]);
    await user.click(screen.getByRole('button', { name: 'Write summary sheet' }));
    expect(await screen.findByText(/sheet is up to date; your other sheets are unchanged/)).toBeTruthy();
    const sheets = (await world.host.listSheets()).map((s) => s.name);
    expect(sheets).toContain('Plumbline Summary');
    const [title] = await world.host.readBlocks([{ sheet: 'Plumbline Summary', address: 'A1' }]);
    expect(title!.values[0]![0]).toBe('Plumbline summary as of 2026-11-24');
    const [userSheetAfter] = await world.host.readBlocks([{ sheet: 'Ops KPIs', address: 'A1:N12' }]);
    expect(userSheetAfter).toEqual(userSheetBefore);
  });
});
