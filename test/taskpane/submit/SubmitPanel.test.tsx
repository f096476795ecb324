/**
 * Submit from the pane: the owner sees the KPIs due with what the linked
 * cells hold, is asked for a remediation plan where the store would ask,
 * reviews, and submits once — also when the store was away and the pane reloaded.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StoreClient } from '../../../src/client/store-client';
import { PlumblineError } from '../../../src/core/errors';
import { seedPackTruth } from '../../fixtures/pack-truth';
import { linkPack, openWorld, renderSignedIn, type PaneWorld } from '../harness';

jest.setTimeout(60_000);

const OLIVIAS_OCTOBER = ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte'];

async function octoberReadings(world: PaneWorld, kpiId: string): Promise<unknown[]> {
  const res = await world.server.request('GET', `/v1/readings?kpiId=${kpiId}&period=2026-10`, { as: 'leo' });
  return res.body.readings;
}

/** Fills what the pane asks for on every due KPI that is linked, leaving the others out. */
async function fillDue(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const list = await screen.findByRole('list', { name: 'KPIs due' });
  for (const plan of within(list).queryAllByRole('textbox', { name: /Remediation plan/ })) {
    await user.type(plan, 'Two extra adjusters on re-opened claims until mid-December.');
  }
}

describe('the Submit panel', () => {
  let world: PaneWorld;
  beforeEach(async () => {
    world = await openWorld('ops-monthly.xlsx');
    await seedPackTruth(world.server, (r) => !(OLIVIAS_OCTOBER.includes(r.kpiId) && r.period === '2026-10'));
    await linkPack(world, 'ops-monthly.xlsx');
  });
  afterEach(async () => {
    cleanup();
    await world.server.close();
  });

  test('lists the KPIs due with their linked values and submits them in one request', async () => {
    const user = userEvent.setup();
    await renderSignedIn(world, 'olivia');
    await user.click(await screen.findByRole('tab', { name: 'Submit' }));
    const list = await screen.findByRole('list', { name: 'KPIs due' });
    const turnaround = within(list).getByRole('listitem', { name: 'Claims turnaround time' });
    expect(within(turnaround).getByRole('textbox', { name: /Value/ })).toHaveProperty('value', '6.7');
    // A quarterly KPI with no linked cell is offered to type, not included by default.
    expect(
      within(list)
        .getAllByRole('checkbox')
        .filter((c) => !(c as HTMLInputElement).checked).length,
    ).toBeGreaterThan(0);

    await fillDue(user);
    await user.click(screen.getByRole('button', { name: 'Review 3 readings' }));
    expect(screen.getByText('3 readings will be sent to the store')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Submit 3 readings' }));
    await screen.findByText('Stored 3 readings.');
    // What was stored is no longer offered, with no event from the store to say so (Sheets has none).
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Claims turnaround time' })).toBeNull(),
    );
    expect(screen.getByRole('listitem', { name: 'Cost per claim' })).toBeTruthy();

    for (const kpiId of OLIVIAS_OCTOBER) expect(await octoberReadings(world, kpiId)).toHaveLength(1);
    expect(await octoberReadings(world, 'claims.turnaround_days')).toEqual([
      expect.objectContaining({ value: 6.7, revision: 1, submittedBy: 'olivia' }),
    ]);
  });

  test('a submission the store never acknowledged is sent once after the pane reloads', async () => {
    const user = userEvent.setup();
    // The store "goes away" for the first request: the transport fails before an answer comes back.
    let away = true;
    const realConnect = world.deps.connect;
    world.deps = {
      ...world.deps,
      connect: (url, token) => {
        const client = realConnect(url, token);
        return {
          ...client,
          submitReadings: async (readings, key) => {
            if (away) {
              // It did land, but the answer was lost: the worst case for doubling.
              await client.submitReadings(readings, key);
              throw new PlumblineError(
                'store_unreachable',
                'Cannot reach the Plumbline store: connection reset',
              );
            }
            return client.submitReadings(readings, key);
          },
        } satisfies StoreClient;
      },
    };
    const first = await renderSignedIn(world, 'olivia');
    await user.click(await screen.findByRole('tab', { name: 'Submit' }));
    await fillDue(user);
    await user.click(await screen.findByRole('button', { name: 'Review 3 readings' }));
    await user.click(screen.getByRole('button', { name: 'Submit 3 readings' }));
    await screen.findByText('Waiting to reach the store');
    // What waits in the outbox may have landed: it is not offered again under a new key.
    expect(screen.queryByRole('button', { name: /^Submit \d+ readings?$/ })).toBeNull();
    expect(screen.queryByRole('listitem', { name: 'Claims turnaround time' })).toBeNull();
    first.unmount();

    away = false;
    await renderSignedIn(world, 'olivia');
    await user.click(await screen.findByRole('tab', { name: 'Submit' }));
    await screen.findByText('Stored 3 readings.');
    expect(screen.queryByText('Waiting to reach the store')).toBeNull();
    for (const kpiId of OLIVIAS_OCTOBER) expect(await octoberReadings(world, kpiId)).toHaveLength(1);
    // Nothing is left in the outbox to be sent a second time.
    expect(world.storage.get('plumbline.outbox.olivia')).toBeNull();
  });
  test('a submission the device cannot keep first is not sent, and the pane says so', async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    const realConnect = world.deps.connect;
    world.deps = {
      ...world.deps,
      connect: (url, token) => {
        const client = realConnect(url, token);
        return {
          ...client,
          submitReadings: async (readings, key) => {
            sent.push(key);
            return client.submitReadings(readings, key);
          },
        } satisfies StoreClient;
      },
    };
    await renderSignedIn(world, 'olivia');
    // The user's storage refuses what is written from now on (Apps Script's property quota, say).
    world.storage.persisted = () => Promise.reject(new Error('Argument too large: value'));
    await user.click(await screen.findByRole('tab', { name: 'Submit' }));
    await fillDue(user);
    await user.click(await screen.findByRole('button', { name: 'Review 3 readings' }));
    await user.click(screen.getByRole('button', { name: 'Submit 3 readings' }));
    await screen.findByText('Not sent');
    expect(
      screen.getByText(/could not keep the submission before sending it \(Argument too large: value\)/),
    ).toBeTruthy();
    expect(sent).toEqual([]);
    for (const kpiId of OLIVIAS_OCTOBER) expect(await octoberReadings(world, kpiId)).toEqual([]);
    expect(world.storage.get('plumbline.outbox.olivia')).toBeNull();
  });
});
