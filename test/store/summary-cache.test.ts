/**
 * The summary kept per state of the database: the same rows while nothing is
 * committed, fresh rows after any commit (from this store or another
 * connection), and nothing kept from a read that a commit overlapped.
 */
import type { ModelNode } from '../../src/core/model';
import type { KpiSummaryRow, SummaryRow } from '../../src/core/summary';
import { openStoreDb } from '../../src/store/db/open';
import type { StoreDb } from '../../src/store/db/repository';
import { createSummaryCache } from '../../src/store/summary-cache';
import { ENGINES, openTestDb, type TestStoreDb } from './db/engines';

const AT = '2026-04-02T09:00:00.000Z';
const AS_OF = '2026-04-15';

const MODEL: ModelNode[] = [
  { id: 'ops', kind: 'pillar', name: 'Operations' },
  { id: 'claims', kind: 'program', name: 'Claims', parentId: 'ops' },
  {
    id: 'claims.turnaround',
    kind: 'kpi',
    name: 'Turnaround',
    parentId: 'claims',
    unit: 'days',
    direction: 'down',
    cadence: 'month',
    ownerId: 'olga',
    indicator: 'lag',
    dependsOn: [],
  },
];

let keys = 0;
function submit(db: StoreDb, value: number) {
  const key = `k${++keys}`;
  return db.submitReadings({
    userId: 'olga',
    idempotencyKey: key,
    requestHash: key,
    readings: [
      { kpiId: 'claims.turnaround', period: '2026-03', value, submittedBy: 'olga', submittedAt: AT },
    ],
  });
}

const valueOf = (rows: readonly SummaryRow[]) =>
  (rows.find((r) => r.id === 'claims.turnaround') as KpiSummaryRow).value;

describe.each(ENGINES)('the summary cache on %s', (engine) => {
  let db: TestStoreDb;
  beforeAll(async () => {
    db = await openTestDb(engine);
    await db.createUser({ id: 'olga', name: 'Olga Owner', role: 'owner', tokenHash: 'hash-olga' }, AT);
    await db.upsertNodes(MODEL, AT);
  });
  afterAll(() => db.close());

  test('the same rows while nothing is committed; new rows after a commit of this store', async () => {
    const summaryAsOf = createSummaryCache(db);
    await submit(db, 5);
    const first = await summaryAsOf(AS_OF);
    expect(valueOf(first)).toBe(5);
    expect(await summaryAsOf(AS_OF)).toBe(first);
    await submit(db, 6);
    const second = await summaryAsOf(AS_OF);
    expect(second).not.toBe(first);
    expect(valueOf(second)).toBe(6);
    // Another day is another summary.
    expect(await summaryAsOf('2026-05-15')).not.toBe(second);
  });

  test('a commit through another connection (another API process) is seen', async () => {
    const summaryAsOf = createSummaryCache(db);
    await submit(db, 7);
    const before = await summaryAsOf(AS_OF);
    expect(valueOf(before)).toBe(7);
    const other = await openStoreDb(db.options);
    try {
      await submit(other, 8);
    } finally {
      await other.close();
    }
    expect(valueOf(await summaryAsOf(AS_OF))).toBe(8);
  });

  test('an engine that cannot tell its data version gets the summary read every time', async () => {
    const blind: StoreDb = { ...db, dataVersion: async () => undefined };
    const summaryAsOf = createSummaryCache(blind);
    const first = await summaryAsOf(AS_OF);
    const second = await summaryAsOf(AS_OF);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
  });

  test('rows read while the database changed are answered, and read again next time', async () => {
    let reads = 0;
    // A store whose data moves on during every read: as if a commit landed meanwhile.
    const moving: StoreDb = {
      ...db,
      dataVersion: async () => `${await db.dataVersion()}/${reads}`,
      listNodes: async () => (reads++, db.listNodes()),
    };
    const summaryAsOf = createSummaryCache(moving);
    const first = await summaryAsOf(AS_OF);
    const second = await summaryAsOf(AS_OF);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(reads).toBe(2);
  });
});
