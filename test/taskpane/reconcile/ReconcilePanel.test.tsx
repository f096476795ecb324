/**
 * Reconcile from the pane, on the regional copy of the monthly pack: exactly
 * the drifted cells are flagged in the workbook and listed with the store's
 * value; pulling one writes it into the cell and its flag goes.
 */
import { screen, within } from '@testing-library/react';
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
