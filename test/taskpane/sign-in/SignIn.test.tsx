/**
 * First run: what Plumbline does, then the store and a token. A wrong token
 * says what to do; a demo store offers its personas; the session is kept in
 * the platform's storage, never in the workbook, and sign out forgets it.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withStoreUrl } from '../../../src/core/link-format';
import type { DemoPersona } from '../../../src/core/api';
import { buildApp } from '../../../src/store/app';
import { Pane } from '../../../src/taskpane/Pane';
import { openWorld, type PaneWorld } from '../harness';

jest.setTimeout(60_000);

describe('signing in', () => {
  let world: PaneWorld;
  beforeEach(async () => {
    world = await openWorld('ops-monthly.xlsx');
  });
  afterEach(async () => {
    cleanup();
    await world.server.close();
  });

  test('the first run explains Plumbline, refuses a wrong token with what to do, and signs in', async () => {
    const user = userEvent.setup();
    render(<Pane deps={world.deps} />);
    expect(await screen.findByRole('heading', { name: 'One version of your KPIs' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByRole('textbox', { name: /Store address/ })).toHaveProperty('value', world.server.url);

    const token = screen.getByLabelText(/Your token/);
    await user.type(token, 'pl_not-a-real-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Your sign-in is no longer valid')).toBeTruthy();
    expect(screen.getByText(/Sign in again with a current token/)).toBeTruthy();

    await user.clear(token);
    await user.type(token, world.server.tokens.olivia!);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Olivia (COO office)')).toBeTruthy();
    expect(screen.getByText(/^owner ·/)).toBeTruthy();
    expect(JSON.parse(world.storage.get('plumbline.session')!)).toMatchObject({
      token: world.server.tokens.olivia,
    });
    // Nothing of the session went into the workbook.
    expect(JSON.stringify(await world.host.readMetadataRows())).not.toContain(world.server.tokens.olivia!);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(world.storage.get('plumbline.session')).toBeNull();
  });

  test('a sign-in the storage cannot keep is refused in words, and nothing is kept', async () => {
    // As Apps Script's user properties can: the write is taken, then fails to be kept.
    world.storage.persisted = () => Promise.reject(new Error('Quota exceeded for user properties'));
    const user = userEvent.setup();
    render(<Pane deps={world.deps} />);
    await user.type(await screen.findByLabelText(/Your token/), world.server.tokens.olivia!);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Not signed in')).toBeTruthy();
    expect(
      screen.getByText(/could not keep your sign-in \(Quota exceeded for user properties\)/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(world.storage.get('plumbline.session')).toBeNull();
  });

  test('a workbook linked with a store offers that store', async () => {
    await world.host.writeMetadataRows(
      withStoreUrl(await world.host.readMetadataRows(), 'https://plumbline.example.com'),
    );
    render(<Pane deps={world.deps} />);
    expect(await screen.findByText('This workbook was linked with this store.')).toBeTruthy();
    expect(await screen.findByDisplayValue('https://plumbline.example.com')).toBeTruthy();
  });

  test('an unreachable store says so and what to do', async () => {
    const user = userEvent.setup();
    render(<Pane deps={world.deps} />);
    const address = await screen.findByRole('textbox', { name: /Store address/ });
    await user.clear(address);
    await user.type(address, 'http://127.0.0.1:9');
    await user.type(screen.getByLabelText(/Your token/), 'pl_anything');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The store cannot be reached')).toBeTruthy();
  });

  test('"try it on sample data" signs in as one of a demo store’s personas', async () => {
    const user = userEvent.setup();
    const personas: DemoPersona[] = [
      { id: 'olivia', name: 'Olivia (COO office)', role: 'owner', token: world.server.tokens.olivia! },
    ];
    const demo = await buildApp({ db: world.server.db, demoPersonas: personas });
    const demoUrl = await demo.listen({ port: 0, host: '127.0.0.1' });
    try {
      render(
        <Pane deps={{ ...world.deps, platform: { ...world.deps.platform, defaultStoreUrl: demoUrl } }} />,
      );
      await user.click(await screen.findByRole('button', { name: 'Try it on sample data' }));
      await user.click(await screen.findByRole('button', { name: 'Olivia (COO office) — owner' }));
      expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    } finally {
      await demo.close();
    }
  });
});
