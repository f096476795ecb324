/**
 * Link from the pane: the analyst selects the values of the monthly pack, the
 * pane reads the months from the header, suggests each row's KPI from its
 * label, links, remembers the store in the workbook, and lists the link; a
 * removed link takes its names and metadata with it.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodeMetadata, storeUrlOf } from '../../../src/core/link-format';
import { openWorld, renderSignedIn, type PaneWorld } from '../harness';

jest.setTimeout(60_000);

describe('the Link panel', () => {
  let world: PaneWorld;
  beforeEach(async () => {
    world = await openWorld('ops-monthly.xlsx');
  });
  afterEach(async () => {
    cleanup();
    await world.server.close();
  });

  test('links the selected block with the KPIs suggested from its row labels', async () => {
    const user = userEvent.setup();
    await world.deps.platform.selection.select({ sheet: 'Ops KPIs', address: 'C5:N7' });
    await renderSignedIn(world, 'ana');
    await user.click(await screen.findByRole('button', { name: 'Use the selected range' }));

    expect(await screen.findByDisplayValue('C5:N7')).toBeTruthy();
    expect(screen.getByDisplayValue('C4:N4')).toBeTruthy();
    expect(await screen.findByText('2026-01-01 → Jan 2026')).toBeTruthy();
    const suggestions = await screen.findAllByRole('combobox', { name: /KPI for row/ });
    expect(suggestions.map((s) => (s as HTMLSelectElement).value)).toEqual([
      'claims.turnaround_days',
      'claims.manual_rate',
      'ops.fte',
    ]);
    expect(await screen.findByText('A block of KPIs of 36 cells, one KPI per row.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Link 3 KPIs' }));
    expect(await screen.findByText(/Linked Ops KPIs!C5:N7: 36 cells to 3 KPIs\./)).toBeTruthy();
    const list = screen.getByRole('heading', { name: /Links in this workbook \(1\)/ }).parentElement!;
    expect(within(list).getByText('Ops KPIs!C5:N7')).toBeTruthy();

    const rows = await world.host.readMetadataRows();
    expect(decodeMetadata(rows).map((l) => l.kpiIds)).toEqual([
      ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte'],
    ]);
    expect(storeUrlOf(rows)).toBe(world.server.url);
    const registered = await world.server.request('GET', '/v1/links', { as: 'leo' });
    expect(registered.body.links).toHaveLength(1);
  });

  test('a header that is not periods is explained, and nothing is written', async () => {
    const user = userEvent.setup();
    await world.deps.platform.selection.select({ sheet: 'Ops KPIs', address: 'C6:N7' });
    await renderSignedIn(world, 'ana');
    await user.click(await screen.findByRole('button', { name: 'Use the selected range' }));
    // The row above C6:N7 holds turnaround values, not months.
    expect(await screen.findByText(/✗ 8\.1: /)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Link/ })).toHaveProperty('disabled', true);
    expect(decodeMetadata(await world.host.readMetadataRows())).toEqual([]);
  });

  test('remove takes the link’s names and metadata row, and leaves the cells', async () => {
    const user = userEvent.setup();
    await world.deps.platform.selection.select({ sheet: 'Ops KPIs', address: 'C5:N7' });
    await renderSignedIn(world, 'ana');
    await user.click(await screen.findByRole('button', { name: 'Use the selected range' }));
    await screen.findByText('A block of KPIs of 36 cells, one KPI per row.');
    await user.click(screen.getByRole('button', { name: 'Link 3 KPIs' }));
    await screen.findByText(/Linked Ops KPIs!C5:N7/);
    const [before] = await world.host.readBlocks([{ sheet: 'Ops KPIs', address: 'C5:N7' }]);

    await user.click(screen.getByRole('button', { name: 'Remove the link of Ops KPIs!C5:N7' }));
    expect(
      await screen.findByText(/Removed the link of Ops KPIs!C5:N7; the cells are unchanged\./),
    ).toBeTruthy();
    expect(decodeMetadata(await world.host.readMetadataRows())).toEqual([]);
    expect((await world.host.listNames()).filter((n) => n.name.startsWith('PL_'))).toEqual([]);
    const [after] = await world.host.readBlocks([{ sheet: 'Ops KPIs', address: 'C5:N7' }]);
    expect(after!.values).toEqual(before!.values);
  });
});
