/**
 * Reconcile from the pane, on the regional copy of the monthly pack: exactly
 * the drifted cells are flagged in the workbook and listed with the store's
 * value; pulling one writes it into the cell and its flag goes.
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedPackTruth } from '../../fixtures/pack-truth';
import { linkPack, openWorld, renderSignedIn, type PaneWorld } from '../harness';

jest.setTimeout(60_000);

describe('the Reconcile panel', () => {
  let world: PaneWorld;
  beforeAll(async () => {
    world = await openWorld('ops-monthly-north.xlsx');
    await seedPackTruth(world.server);
    await linkPack(world, 'ops-monthly-north.xlsx');
  });
  afterAll(() => world.server.close());

  test('flags exactly the drifted cells, lists them, and pulls a canonical value', async () => {
    const user = userEvent.setup();
    await renderSignedIn(world, 'ana');
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));
    await user.click(screen.getByRole('button', { name: 'Reconcile' }));

    const status = await screen.findByText(/linked cells in 3 links: \d+ differ from the store/);
    const differ = Number(/(\d+) differ/.exec(status.textContent ?? '')![1]);
    const flags = (await world.host.listFlagFormats()).filter((f) => f.id.startsWith('diverged:'));
    expect(flags.map((f) => `${f.sheet}!${f.address}`).sort()).toEqual(
      screen
        .getAllByRole('button', { name: /^Go to / })
        .filter((b) => within(b.closest('li')!).queryByText('Differs'))
        .map((b) => b.getAttribute('aria-label')!.replace('Go to cell ', ''))
        .sort(),
    );
    expect(flags).toHaveLength(differ);
    expect(differ).toBeGreaterThan(0);

    // Pull the first diverging cell's canonical value into the sheet.
    const first = flags[0]!;
    await user.click(
      screen.getByRole('button', { name: `Use store value in ${first.sheet}!${first.address}` }),
    );
    await screen.findByText(`${first.sheet}!${first.address} now holds the canonical value.`);
    const after = (await world.host.listFlagFormats()).filter((f) => f.id.startsWith('diverged:'));
    expect(after.map((f) => f.address)).not.toContain(first.address);
    expect(after).toHaveLength(differ - 1);
  });

  test('opened to reconcile (a menu item), it reconciles at once, and only that once', async () => {
    const deps = world.deps;
    world.deps = { ...deps, initialJob: 'reconcile' };
    try {
      const user = userEvent.setup();
      await renderSignedIn(world, 'ana');
      expect(screen.getByRole('tab', { name: 'Reconcile', selected: true })).toBeTruthy();
      await screen.findByText(/linked cells in 3 links: \d+ differ/);
      // Back on the tab later: the user's click decides.
      await user.click(screen.getByRole('tab', { name: 'Link' }));
      await user.click(screen.getByRole('tab', { name: 'Reconcile' }));
      await screen.findByRole('button', { name: 'Reconcile' });
      expect(screen.queryByText(/linked cells in 3 links/)).toBeNull();
    } finally {
      world.deps = deps;
      cleanup();
    }
  });

  test('Clear flags removes Plumbline’s flags and only those', async () => {
    const user = userEvent.setup();
    const before = await world.host.listFlagFormats();
    const own = before.filter((f) => !f.id.startsWith('diverged:'));
    await renderSignedIn(world, 'leo');
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));
    await user.click(screen.getByRole('button', { name: 'Clear flags' }));
    await screen.findByText(/Removed \d+ flags?\.|There were no flags to remove\./);
    expect(await world.host.listFlagFormats()).toEqual(own);
  });
});

describe('the Reconcile panel for a KPI owner', () => {
  let world: PaneWorld;
  beforeAll(async () => {
    world = await openWorld('ops-monthly-north.xlsx');
    await seedPackTruth(world.server);
    await linkPack(world, 'ops-monthly-north.xlsx');
  });
  afterAll(() => world.server.close());

  test("submits the sheet's value instead, for the KPIs they own only", async () => {
    const user = userEvent.setup();
    await renderSignedIn(world, 'olivia');
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));
    await user.click(screen.getByRole('button', { name: 'Reconcile' }));
    await screen.findByText(/differ from the store/);
    // Olivia owns the turnaround (L5), not first-contact resolution (H8, Sam's).
    expect(screen.queryByRole('button', { name: "Submit this sheet's value from Ops KPIs!H8" })).toBeNull();
    await user.click(screen.getByRole('button', { name: "Submit this sheet's value from Ops KPIs!L5" }));
    await screen.findByText(/Ops KPIs!L5 is now the store's value \(revision 2\)\./);

    const revisions = await world.server.request(
      'GET',
      '/v1/readings?kpiId=claims.turnaround_days&period=2026-10',
      {
        as: 'leo',
      },
    );
    expect(revisions.body.readings.map((r: { value: number }) => r.value)).toEqual([6.7, 6.4]);
    expect(revisions.body.readings[1].source).toEqual({
      workbook: expect.any(String),
      sheet: 'Ops KPIs',
      address: 'L5',
    });
    const flags = (await world.host.listFlagFormats()).filter((f) => f.id.startsWith('diverged:'));
    expect(flags.map((f) => f.address)).toEqual(['H8']);
  });
});
