/**
 * The ribbon's function commands on the real Excel host (Microsoft's library
 * over the simulated Excel, loaded from a sample workbook) and a real store over
 * HTTP: they use the pane's sign-in, do the pane's work with the pane closed,
 * tell the user what happened, and always complete Office's event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStoreClient } from '../../../src/client/store-client';
import { linkRange } from '../../../src/core/link-range';
import {
  commandHandler,
  COMMAND_NAMES,
  reconcileNotice,
  registerCommands,
  runCommand,
  type CommandDeps,
  type CommandEvent,
  type CommandScope,
  type OfficeCommandsGlobal,
} from '../../../src/hosts/excel/commands-entry';
import { createExcelHost } from '../../../src/hosts/excel/excel-host';
import type { Notice } from '../../../src/hosts/excel/office-dialog';
import type { ExcelSimulator } from '../../../src/sim/excel/excel-simulator';
import { loadExcelLibrary, type LoadedExcel } from '../../../src/sim/excel/load-library';
import { loadXlsx } from '../../../src/sim/excel/load-xlsx';
import { SUMMARY_SHEET } from '../../../src/taskpane/summary/summary-actions';
import { PACK_LINKS, seedPackTruth } from '../../fixtures/pack-truth';
import { startTestServer, type TestServer } from '../../store/api/test-server';

jest.setTimeout(60_000);

const WORKBOOK = 'ops-monthly-north.xlsx';
const SESSION_KEY = 'plumbline.session';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedPackTruth(server);
});
afterAll(() => server.close());

interface World {
  sim: ExcelSimulator;
  excel: LoadedExcel;
  storage: Map<string, string>;
  notices: Notice[];
  deps: CommandDeps;
}

/** The sample workbook in the simulated Excel with the analyst's links, and nobody signed in yet. */
async function openWorkbook(): Promise<World> {
  const sim = await loadXlsx(
    new Uint8Array(readFileSync(join(__dirname, '../../fixtures/workbooks', WORKBOOK))),
  );
  const excel = loadExcelLibrary(sim);
  const run = excel.Excel.run.bind(excel.Excel);
  const analyst = createStoreClient({ baseUrl: server.url, token: server.tokens.ana! });
  for (const link of PACK_LINKS[WORKBOOK] ?? []) await linkRange(createExcelHost(run), analyst, link);
  const storage = new Map<string, string>();
  const notices: Notice[] = [];
  const deps: CommandDeps = {
    run,
    storage: {
      get: (k) => storage.get(k) ?? null,
      set: (k, v) => void storage.set(k, v),
      remove: (k) => void storage.delete(k),
      persisted: () => Promise.resolve(),
    },
    connect: (baseUrl, token) => createStoreClient({ baseUrl, token }),
    notify: async (notice) => void notices.push(notice),
  };
  return { sim, excel, storage, notices, deps };
}

/** The pane's sign-in, as the pane saves it. */
async function sessionOf(
  userId: string,
  storeUrl = server.url,
  token = server.tokens[userId]!,
): Promise<string> {
  const user = await createStoreClient({ baseUrl: server.url, token: server.tokens[userId]! }).me();
  return JSON.stringify({ storeUrl, token, user });
}

async function flags(world: World): Promise<string[]> {
  const host = createExcelHost(world.excel.Excel.run.bind(world.excel.Excel));
  return (await host.listFlagFormats()).filter((f) => f.id.startsWith('diverged:')).map((f) => f.address);
}

function completion(): CommandEvent & { count: number } {
  const event = {
    count: 0,
    completed: () => {
      event.count += 1;
    },
  };
  return event;
}

describe('the ribbon commands', () => {
  test('without a sign-in they say where to sign in, and change nothing', async () => {
    const world = await openWorkbook();
    for (const name of COMMAND_NAMES) {
      const event = completion();
      await commandHandler(name, async () => world.deps)(event);
      expect(event.count).toBe(1);
    }
    expect(world.notices).toHaveLength(2);
    for (const notice of world.notices) {
      expect(notice.title).toBe('Sign in to Plumbline first');
      expect(notice.action).toMatch(/Click Plumbline on the Home tab, sign in/);
    }
    expect(await flags(world)).toEqual([]);
    expect(world.sim.workbook.sheets.map((s) => s.name)).not.toContain(SUMMARY_SHEET);
  });

  test('Reconcile flags exactly the cells that differ and says how many', async () => {
    const world = await openWorkbook();
    world.storage.set(SESSION_KEY, await sessionOf('ana'));
    const event = completion();
    await commandHandler('reconcile', async () => world.deps)(event);
    expect(event.count).toBe(1);

    expect(world.notices).toHaveLength(1);
    const notice = world.notices[0]!;
    const flagged = await flags(world);
    expect(flagged.length).toBeGreaterThan(0);
    expect(notice.title).toBe(`${flagged.length} cells differ from the store`);
    expect(notice.body).toMatch(/linked cells in 3 links: \d+ differs/);
    expect(notice.action).toMatch(/Click Plumbline on the Home tab to see them by KPI/);
  });

  test('Summary writes the summary sheet and shows it, without a message', async () => {
    const world = await openWorkbook();
    world.storage.set(SESSION_KEY, await sessionOf('leo'));
    const before = world.sim.workbook.sheets.map((s) => s.name);
    const event = completion();
    await commandHandler('summary', async () => world.deps)(event);
    expect(event.count).toBe(1);
    expect(world.notices).toEqual([]);
    expect(world.sim.workbook.sheets.map((s) => s.name)).toEqual([...before, SUMMARY_SHEET]);
    expect(world.sim.workbook.activeSheet?.name).toBe(SUMMARY_SHEET);
  });

  test('a store that cannot be reached, or a token it refuses, becomes the pane’s message', async () => {
    const world = await openWorkbook();
    world.storage.set(SESSION_KEY, await sessionOf('leo', 'http://127.0.0.1:1'));
    await runCommand('summary', world.deps);
    world.storage.set(SESSION_KEY, await sessionOf('leo', server.url, 'pl_not_a_token'));
    await runCommand('reconcile', world.deps);

    expect(world.notices.map((n) => n.title)).toEqual([
      'The store cannot be reached',
      'Your sign-in is no longer valid',
    ]);
    expect(world.notices[1]!.action).toMatch(/Click Plumbline on the Home tab to sign in\.$/);
    expect(world.sim.workbook.sheets.map((s) => s.name)).not.toContain(SUMMARY_SHEET);
  });

  test('the event completes even when the message cannot be shown', async () => {
    const world = await openWorkbook();
    const problem = new Error('Excel could not show the message');
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const event = completion();
      await commandHandler('reconcile', async () => ({
        ...world.deps,
        notify: () => Promise.reject(problem),
      }))(event);
      expect(event.count).toBe(1);
      expect(logged).toHaveBeenCalledWith('Plumbline reconcile:', problem);
    } finally {
      logged.mockRestore();
    }
  });

  test('a workbook without links is told to link a range first', () => {
    expect(reconcileNotice(0, [])).toMatchObject({ title: 'Nothing to reconcile yet' });
    expect(reconcileNotice(1, ['match', 'match'])).toEqual({
      title: 'Every linked cell agrees with the store',
      body: '2 linked cells in 1 link: 2 matches.',
    });
  });
});

/** A DOM Storage over a map (what `window.localStorage` is in commands.html). */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

/** Office as commands.html sees it in Excel, with a user who closes each dialog with OK. */
function fakeOffice(partitionKey: string) {
  const associated = new Map<string, (event: CommandEvent) => void>();
  const dialogs: { url: string; closed: boolean }[] = [];
  const office: OfficeCommandsGlobal = {
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    actions: { associate: (id, handler) => void associated.set(id, handler) },
    AsyncResultStatus: { Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    context: {
      partitionKey,
      ui: {
        displayDialogAsync(url, _options, callback) {
          const dialog = { url, closed: false };
          dialogs.push(dialog);
          let ok: ((args: { message: string }) => void) | undefined;
          callback({
            status: 'succeeded',
            error: { code: 0, message: '' },
            value: {
              close: () => void (dialog.closed = true),
              addEventHandler: (type, handler) => {
                if (type === 'dialogMessageReceived') ok = handler;
              },
            },
          });
          setTimeout(() => ok?.({ message: 'close' }), 0);
        },
      },
    },
  };
  return { office, associated, dialogs };
}

describe('commands.html', () => {
  test('registers the manifest’s functions, and they run on the pane’s partitioned sign-in', async () => {
    const world = await openWorkbook();
    const manifest = readFileSync(join(__dirname, '../../../manifest.xml'), 'utf8');
    const functionNames = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);

    const { office, associated, dialogs } = fakeOffice('tenant-1');
    const localStorage = memoryStorage();
    // The pane saved its sign-in under Office's partition key; another partition's must not be used.
    localStorage.setItem('tenant-1/plumbline.session', await sessionOf('ana'));
    localStorage.setItem('plumbline.session', await sessionOf('leo', server.url, 'pl_not_a_token'));
    const scope: CommandScope = {
      Office: office,
      Excel: world.excel.Excel,
      localStorage,
      location: { origin: server.url },
    };
    registerCommands(scope);

    expect([...associated.keys()].sort()).toEqual([...functionNames].sort());
    // Hosts older than Office.actions call a global function of the manifest's name.
    for (const name of COMMAND_NAMES) expect(typeof scope[name]).toBe('function');

    const event = completion();
    await scope.reconcile!(event);
    expect(event.count).toBe(1);
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${server.url}/notice.html`);
    expect(url.searchParams.get('title')).toMatch(/^\d+ cells differ from the store$/);
    expect(dialogs[0]!.closed).toBe(true);
    expect((await flags(world)).length).toBeGreaterThan(0);
  });

  test('does nothing outside Office', () => {
    const scope: CommandScope = { localStorage: memoryStorage(), location: { origin: 'https://x' } };
    registerCommands(scope);
    expect(scope.reconcile).toBeUndefined();
  });
});
