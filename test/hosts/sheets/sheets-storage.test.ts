/**
 * The pane's storage in the Sheets sidebar: the user's properties behind the
 * built add-on, reached over `google.script.run`. The outbox's idempotency key
 * is kept there before a submission may be sent; a value over a property's
 * 9 KB is kept in parts; writes land in the order they were made.
 */
import type { ReadingInput } from '../../../src/core/api';
import { createBridge, type ScriptRun } from '../../../src/hosts/sheets/bridge';
import { sheetsStorage } from '../../../src/hosts/sheets/sheets-platform';
import { Outbox, OutboxNotKept } from '../../../src/taskpane/submit/outbox';
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { MAX_PROPERTY_STORE_BYTES, MAX_PROPERTY_VALUE_BYTES } from '../../../src/sim/apps-script/properties';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';
import { addOnOn } from './load-addon';

const OUTBOX = 'plumbline.plumbline.outbox.sam';
const NOW = '2026-11-24T10:00:00.000Z';

function sidebar() {
  const book = new FakeSpreadsheet(new ExecutionClock(), 'storage', 'Storage');
  book.insertSheet('Sheet1');
  const { project } = addOnOn(book);
  const run = project.scriptRun() as unknown as ScriptRun;
  return { project, open: () => sheetsStorage(createBridge(run)), run };
}

const reading = (i: number, comment = ''): ReadingInput => ({
  kpiId: 'service.fcr',
  period: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
  value: 0.7 + i / 1000,
  comment,
  source: { workbook: 'ops-monthly.xlsx', sheet: 'Ops KPIs', address: `C${i + 5}` },
});

test('a submission is in the user properties, with its key, before add resolves', async () => {
  const { project, open } = sidebar();
  const outbox = new Outbox(await open(), 'sam');
  const adding = outbox.add([reading(1)], 'key-1', NOW);
  // The pane's cache has it at once; Apps Script has not been asked yet.
  expect(outbox.entries().map((e) => e.key)).toEqual(['key-1']);
  expect(project.userProperties.values.has(OUTBOX)).toBe(false);
  await adding;
  expect(project.userProperties.values.get(OUTBOX)).toContain('"key-1"');
  // A reloaded sidebar finds it, to send again with the same key.
  expect(new Outbox(await open(), 'sam').entries().map((e) => e.key)).toEqual(['key-1']);
});

test('an outbox over one property’s 9 KB is kept in parts and read back whole', async () => {
  const { project, open } = sidebar();
  const storage = await open();
  const outbox = new Outbox(storage, 'sam');
  const readings = Array.from({ length: 60 }, (_, i) =>
    reading(i, `Checked against the ledger ✓ — ${'é'.repeat(150)}`),
  );
  await outbox.add(readings, 'key-big', NOW);
  const parts = [...project.userProperties.values.keys()].filter((k) => k.startsWith(OUTBOX));
  expect(parts.length).toBeGreaterThan(1);
  for (const k of parts)
    expect(Buffer.byteLength(project.userProperties.values.get(k)!)).toBeLessThanOrEqual(
      MAX_PROPERTY_VALUE_BYTES,
    );
  expect(new Outbox(await open(), 'sam').entries()).toEqual(outbox.entries());

  // Acknowledged: every part goes.
  outbox.remove('key-big');
  await storage.persisted();
  expect([...project.userProperties.values.keys()].filter((k) => k.startsWith(OUTBOX))).toEqual([]);
});

test('when the properties cannot keep it, add fails, the entry is taken out, and nothing is left to send', async () => {
  const { project, open } = sidebar();
  const storage = await open();
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  // Someone's other settings leave no room in the 500 KB store.
  project.userProperties.values.set('other', 'x'.repeat(MAX_PROPERTY_STORE_BYTES - 100));
  const outbox = new Outbox(storage, 'sam');
  await expect(
    outbox.add([reading(1, 'A comment long enough not to fit.')], 'key-2', NOW),
  ).rejects.toBeInstanceOf(OutboxNotKept);
  expect(outbox.entries()).toEqual([]);
  await storage.persisted();
  expect(new Outbox(await open(), 'sam').entries()).toEqual([]);
  expect(logged).toHaveBeenCalledWith('Plumbline could not save a setting', expect.any(Error));
  logged.mockRestore();
});

/** `run` with each call held back by the next of `delays` (ms; then none), as calls running side by side. */
function delayed(run: ScriptRun, delays: number[]): ScriptRun {
  type Handler = (value: unknown) => void;
  const make = (success: Handler, failure: Handler): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get(_target, prop: string) {
        if (prop === 'withSuccessHandler') return (h: Handler) => make(h, failure);
        if (prop === 'withFailureHandler') return (h: Handler) => make(success, h);
        return (...args: unknown[]) => {
          const runner = run.withSuccessHandler(success).withFailureHandler(failure);
          const call = () => (runner as unknown as Record<string, (...a: unknown[]) => void>)[prop]!(...args);
          setTimeout(call, delays.shift() ?? 0);
        };
      },
    });
  return make(
    () => undefined,
    () => undefined,
  );
}

test('writes land in the order they were made, even when Apps Script would finish a later one first', async () => {
  const { project, run } = sidebar();
  // google.script.run calls may run side by side: here the first one made takes the longest.
  const slowFirst = delayed(run, [0, 40]); // reading the settings, then the first write
  const storage = await sheetsStorage(createBridge(slowFirst));
  storage.set('choice', 'first');
  storage.set('choice', 'second');
  await storage.persisted();
  // Past the held-back call too, whenever it was sent.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(project.userProperties.values.get('plumbline.choice')).toBe('second');
});
