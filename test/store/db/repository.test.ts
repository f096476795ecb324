/**
 * The one repository suite, run against both engines (DESIGN §3 Storage).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Link } from '../../../src/core/api';
import { PlumblineError } from '../../../src/core/errors';
import type { ModelNode } from '../../../src/core/model';
import { connectDatabase, openStoreDb } from '../../../src/store/db/open';
import type { NewReading, ObservationRow, ReadingsEvent, StoreDb } from '../../../src/store/db/repository';
import { createPgTestDatabase, ENGINES, openTestDb, type TestStoreDb } from './engines';

const AT = '2026-04-02T09:00:00.000Z';

const MODEL: ModelNode[] = [
  { id: 'ops', kind: 'pillar', name: 'Operations' },
  { id: 'claims', kind: 'program', name: 'Claims', parentId: 'ops' },
  kpi('claims.turnaround', 'month'),
  kpi('claims.backlog', 'quarter'),
  kpi('claims.weekly', 'week'),
  kpi('claims.yearly', 'year'),
];

function kpi(id: string, cadence: 'week' | 'month' | 'quarter' | 'year'): ModelNode {
  return {
    id,
    kind: 'kpi',
    name: id,
    parentId: 'claims',
    unit: 'days',
    direction: 'down',
    cadence,
    ownerId: 'olga',
    indicator: 'lag',
    dependsOn: [],
  };
}

function reading(kpiId: string, period: string, value: number, extra: Partial<NewReading> = {}): NewReading {
  return { kpiId, period, value, submittedBy: 'olga', submittedAt: AT, ...extra };
}

/**
 * Matches a database error by its message. Not `toThrow`: better-sqlite3's
 * native addon builds its errors from the first jest test file that loaded it,
 * so in a later file of the same worker they are not `instanceof` this file's
 * Error, and `toThrow` would report them as no error at all.
 */
function sqlError(message: RegExp) {
  return { message: expect.stringMatching(message) };
}

let keys = 0;
function submit(db: StoreDb, readings: NewReading[], key = `key-${++keys}`, hash = key) {
  return db.submitReadings({ userId: 'olga', idempotencyKey: key, requestHash: hash, readings });
}

async function seed(db: StoreDb): Promise<void> {
  await db.createUser({ id: 'olga', name: 'Olga Owner', role: 'owner', tokenHash: 'hash-olga' }, AT);
  await db.createUser({ id: 'ana', name: 'Ana Analyst', role: 'analyst', tokenHash: 'hash-ana' }, AT);
  await db.upsertNodes(MODEL, AT);
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlumblineError);
  expect((error as PlumblineError).code).toBe(code);
}

/** Resolves with the events received once they carry `count` reading references in all. */
function collectEvents(db: StoreDb, count: number, timeoutMs = 5000): Promise<ReadingsEvent[]> {
  return new Promise((resolve, reject) => {
    const events: ReadingsEvent[] = [];
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Only ${JSON.stringify(events)} arrived within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = db.onReadings((event) => {
      events.push(event);
      if (events.reduce((n, e) => n + e.readings.length, 0) >= count) {
        clearTimeout(timer);
        unsubscribe();
        resolve(events);
      }
    });
  });
}

describe.each(ENGINES)('repository on %s', (engine) => {
  let db: TestStoreDb;

  beforeEach(async () => {
    db = await openTestDb(engine);
  });

  afterEach(async () => {
    await db.close();
  });

  describe('users', () => {
    it('creates, finds by token hash, lists and counts', async () => {
      expect(db.engine).toBe(engine);
      expect(await db.countUsers()).toBe(0);
      await db.createUser({ id: 'zoe', name: 'Zoe', role: 'admin', tokenHash: 'h1' }, AT);
      await db.createUser({ id: 'abe', name: 'Abe', role: 'leader', tokenHash: 'h2' }, AT);
      expect(await db.countUsers()).toBe(2);
      expect(await db.findUserByTokenHash('h2')).toEqual({
        id: 'abe',
        name: 'Abe',
        role: 'leader',
        tokenHash: 'h2',
      });
      expect(await db.findUserByTokenHash('nope')).toBeUndefined();
      expect(await db.listUsers()).toEqual([
        { id: 'abe', name: 'Abe', role: 'leader' },
        { id: 'zoe', name: 'Zoe', role: 'admin' },
      ]);
    });

    it('refuses a taken id with user_exists', async () => {
      await db.createUser({ id: 'zoe', name: 'Zoe', role: 'admin', tokenHash: 'h1' }, AT);
      await expectCode(
        db.createUser({ id: 'zoe', name: 'Other', role: 'owner', tokenHash: 'h3' }, AT),
        'user_exists',
      );
      expect(await db.countUsers()).toBe(1);
    });
  });

  describe('nodes', () => {
    it('keeps existing nodes in place and appends new ones in request order', async () => {
      await db.upsertNodes(MODEL.slice(0, 3), AT);
      const renamed: ModelNode = { id: 'ops', kind: 'pillar', name: 'Operations & Service' };
      await db.upsertNodes([MODEL[4]!, renamed, MODEL[3]!], AT);
      const nodes = await db.listNodes();
      expect(nodes.map((n) => n.id)).toEqual([
        'ops',
        'claims',
        'claims.turnaround',
        'claims.weekly',
        'claims.backlog',
      ]);
      expect(nodes[0]).toEqual(renamed);
      expect(nodes[2]).toEqual(MODEL[2]);
    });

    it('is all-or-nothing: a batch failing after its first chunk leaves nothing', async () => {
      await db.upsertNodes(MODEL.slice(0, 2), AT);
      const many: ModelNode[] = Array.from({ length: 1200 }, (_, i) => ({
        id: `p${i}`,
        kind: 'pillar',
        name: `Pillar ${i}`,
      }));
      const renamed: ModelNode = { id: 'ops', kind: 'pillar', name: 'Renamed' };
      // A name the database refuses (NOT NULL), at the very end of the batch.
      const broken = { id: 'broken', kind: 'pillar', name: null } as unknown as ModelNode;
      await expect(db.upsertNodes([renamed, ...many, broken], AT)).rejects.toMatchObject(
        sqlError(/not[ -]null/i),
      );
      expect(await db.listNodes()).toEqual(MODEL.slice(0, 2));
    });

    it('upserts thousands of nodes in one call', async () => {
      const many: ModelNode[] = Array.from({ length: 5000 }, (_, i) => ({
        id: `p${String(i).padStart(4, '0')}`,
        kind: 'pillar',
        name: `Pillar ${i}`,
      }));
      await db.upsertNodes(many, AT);
      expect((await db.listNodes()).map((n) => n.id)).toEqual(many.map((n) => n.id));
      // Some of them by id, across several queries' worth, repeats and unknown ids left out.
      const wanted = [...many.slice(0, 1500).map((n) => n.id), 'p0001', 'nope'];
      const found = await db.listNodesByIds(wanted);
      expect(found.map((n) => n.id).sort()).toEqual(many.slice(0, 1500).map((n) => n.id));
      expect(found.find((n) => n.id === 'p0002')).toEqual(many[2]);
      expect(await db.listNodesByIds([])).toEqual([]);
    });
  });

  describe('readings', () => {
    beforeEach(() => seed(db));

    it('numbers revisions per KPI and period, consecutive within a batch', async () => {
      const first = await submit(db, [
        reading('claims.turnaround', '2026-01', 7.5),
        reading('claims.turnaround', '2026-01', 7.25),
        reading('claims.turnaround', '2026-02', 6.9),
      ]);
      expect(first.replayed).toBe(false);
      expect(first.readings.map((r) => [r.period, r.revision])).toEqual([
        ['2026-01', 1],
        ['2026-01', 2],
        ['2026-02', 1],
      ]);
      const second = await submit(db, [reading('claims.turnaround', '2026-01', 7)]);
      expect(second.readings[0]!.revision).toBe(3);
      expect(
        (await db.listReadings('claims.turnaround')).map((r) => [r.period, r.revision, r.value]),
      ).toEqual([
        ['2026-01', 1, 7.5],
        ['2026-01', 2, 7.25],
        ['2026-01', 3, 7],
        ['2026-02', 1, 6.9],
      ]);
      expect((await db.listReadings('claims.turnaround', '2026-02')).map((r) => r.value)).toEqual([6.9]);
      expect(await db.listReadings('claims.backlog')).toEqual([]);
    });

    it('round-trips every field exactly, leaving absent ones out', async () => {
      const full = reading('claims.turnaround', '2026-03', 0.1 + 0.2, {
        comment: 'Late invoices',
        remediation: 'Second shift until May',
        source: { workbook: 'ops.xlsx', sheet: 'KPIs', address: 'C5' },
      });
      const bare = reading('claims.backlog', '2026-Q1', -1.7976931348623157e308);
      const tiny = reading('claims.weekly', '2026-W05', 5e-324);
      const { readings } = await submit(db, [full, bare, tiny]);
      const expected = [
        { ...full, revision: 1 },
        { ...bare, revision: 1 },
        { ...tiny, revision: 1 },
      ];
      expect(readings).toEqual(expected);
      const listed = [
        ...(await db.listReadings('claims.turnaround')),
        ...(await db.listReadings('claims.backlog')),
        ...(await db.listReadings('claims.weekly')),
      ];
      expect(listed).toEqual(expected);
      expect(Object.keys(listed[1]!).sort()).toEqual(
        ['kpiId', 'period', 'revision', 'submittedAt', 'submittedBy', 'value'].sort(),
      );
      expect(typeof listed[0]!.value).toBe('number');
      expect(typeof listed[0]!.revision).toBe('number');
      expect(listed[0]!.value).toBe(0.1 + 0.2);
    });

    it('refuses UPDATE, DELETE (and TRUNCATE) of readings inside the database', async () => {
      await submit(db, [reading('claims.turnaround', '2026-01', 7.5)]);
      // A second connection around the repository, as a script or console session would be.
      const { db: raw } = connectDatabase(db.options);
      try {
        await expect(sql`update readings set value = 0`.execute(raw)).rejects.toMatchObject(
          sqlError(/append-only/),
        );
        await expect(sql`delete from readings`.execute(raw)).rejects.toMatchObject(sqlError(/append-only/));
        if (engine === 'postgres') {
          await expect(sql`truncate readings`.execute(raw)).rejects.toMatchObject(sqlError(/append-only/));
        }
        // Appending still works through the same connection.
        await sql`insert into readings (kpi_id, period, period_start, period_end, value, submitted_by, submitted_at, revision)
          values ('claims.turnaround', '2026-01', '2026-01-01', '2026-01-31', 8, 'olga', ${AT}, 2)`.execute(
          raw,
        );
      } finally {
        await raw.destroy();
      }
      expect((await db.listReadings('claims.turnaround')).map((r) => r.value)).toEqual([7.5, 8]);
    });

    it('replays the same key and body without storing anything', async () => {
      const batch = [reading('claims.turnaround', '2026-01', 7.5, { comment: 'first' })];
      const first = await submit(db, batch, 'k-replay', 'hash-a');
      const again = await submit(db, batch, 'k-replay', 'hash-a');
      expect(again).toEqual({ replayed: true, readings: first.readings });
      expect(await db.listReadings('claims.turnaround')).toHaveLength(1);
    });

    it('keys are per user', async () => {
      await submit(db, [reading('claims.turnaround', '2026-01', 1)], 'shared', 'h');
      const other = await db.submitReadings({
        userId: 'ana',
        idempotencyKey: 'shared',
        requestHash: 'h',
        readings: [reading('claims.turnaround', '2026-01', 2)],
      });
      expect(other.replayed).toBe(false);
      expect(other.readings[0]!.revision).toBe(2);
    });

    it('answers a reused key with another body with idempotency_conflict', async () => {
      await submit(db, [reading('claims.turnaround', '2026-01', 7.5)], 'k-conflict', 'hash-a');
      await expectCode(
        submit(db, [reading('claims.turnaround', '2026-01', 9)], 'k-conflict', 'hash-b'),
        'idempotency_conflict',
      );
      expect(await db.listReadings('claims.turnaround')).toHaveLength(1);
    });

    it('stores once when requests with one key race', async () => {
      const batch = [reading('claims.turnaround', '2026-01', 7.5), reading('claims.backlog', '2026-Q1', 3)];
      const results = await Promise.all(
        Array.from({ length: 6 }, () => submit(db, batch, 'k-race', 'hash-race')),
      );
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      for (const result of results) expect(result.readings).toEqual(results[0]!.readings);
      expect(await db.listReadings('claims.turnaround')).toHaveLength(1);
      expect(await db.listReadings('claims.backlog')).toHaveLength(1);
    });

    it('loses no revision when different keys race on one KPI period', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          submit(db, [reading('claims.turnaround', '2026-01', i), reading('claims.backlog', '2026-Q1', i)]),
        ),
      );
      expect(results.map((r) => r.readings[0]!.revision).sort()).toEqual([1, 2, 3, 4, 5]);
      const stored = await db.listReadings('claims.turnaround', '2026-01');
      expect(stored.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5]);
      expect((await db.listReadings('claims.backlog')).map((r) => r.revision)).toEqual([1, 2, 3, 4, 5]);
    });

    it('gives the latest revision per KPI and period, within a range of days across cadences', async () => {
      await submit(db, [
        reading('claims.turnaround', '2026-01', 1),
        reading('claims.turnaround', '2026-02', 2),
        reading('claims.turnaround', '2026-02', 2.5),
        reading('claims.turnaround', '2026-03', 3),
        reading('claims.backlog', '2026-Q1', 10),
        reading('claims.backlog', '2026-Q2', 20),
        // 2025-12-29 … 2026-01-04
        reading('claims.weekly', '2026-W01', 100),
        reading('claims.weekly', '2026-W06', 106),
        reading('claims.yearly', '2025', 2025),
      ]);
      const all = ['claims.turnaround', 'claims.backlog', 'claims.weekly', 'claims.yearly'];
      const pick = (rs: { kpiId: string; period: string; value: number }[]) =>
        rs.map((r) => `${r.kpiId}@${r.period}=${r.value}`).sort();

      expect(pick(await db.latestReadings(all))).toEqual(
        [
          'claims.backlog@2026-Q1=10',
          'claims.backlog@2026-Q2=20',
          'claims.turnaround@2026-01=1',
          'claims.turnaround@2026-02=2.5',
          'claims.turnaround@2026-03=3',
          'claims.weekly@2026-W01=100',
          'claims.weekly@2026-W06=106',
          'claims.yearly@2025=2025',
        ].sort(),
      );
      expect(pick(await db.latestReadings(all, { fromDay: '2026-02-01', toDay: '2026-03-31' }))).toEqual(
        [
          'claims.backlog@2026-Q1=10',
          'claims.turnaround@2026-02=2.5',
          'claims.turnaround@2026-03=3',
          'claims.weekly@2026-W06=106',
        ].sort(),
      );
      expect(pick(await db.latestReadings(all, { fromDay: '2026-01-01', toDay: '2026-01-02' }))).toEqual(
        ['claims.backlog@2026-Q1=10', 'claims.turnaround@2026-01=1', 'claims.weekly@2026-W01=100'].sort(),
      );
      expect(pick(await db.latestReadings(all, { toDay: '2025-12-31' }))).toEqual(
        ['claims.weekly@2026-W01=100', 'claims.yearly@2025=2025'].sort(),
      );
      expect(pick(await db.latestReadings(all, { fromDay: '2026-04-01', toDay: undefined }))).toEqual([
        'claims.backlog@2026-Q2=20',
      ]);
      expect(
        pick(await db.latestReadings(['claims.turnaround'], { fromDay: '2026-02-28', toDay: '2026-02-28' })),
      ).toEqual(['claims.turnaround@2026-02=2.5']);
      const latest = await db.latestReadings(['claims.turnaround']);
      expect(latest.map((r) => r.period)).toEqual(['2026-01', '2026-02', '2026-03']);
      expect(latest[1]!.revision).toBe(2);
      expect(await db.latestReadings([])).toEqual([]);
    });

    it('gives per KPI the latest revision of its latest period ended before a day, however old', async () => {
      await submit(db, [
        reading('claims.turnaround', '2025-06', 9),
        reading('claims.turnaround', '2026-02', 2),
        reading('claims.turnaround', '2026-02', 2.5),
        reading('claims.turnaround', '2026-03', 3), // ends 2026-03-31: not ended before that day
        reading('claims.backlog', '2025-Q4', 10),
        // 2026-W53 ends Sunday 2027-01-03
        reading('claims.weekly', '2026-W53', 153),
      ]);
      const all = ['claims.turnaround', 'claims.backlog', 'claims.weekly', 'claims.yearly'];
      const pick = (rs: { kpiId: string; period: string; value: number; revision: number }[]) =>
        rs.map((r) => `${r.kpiId}@${r.period}=${r.value}#${r.revision}`);
      expect(pick(await db.latestReported(all, '2026-03-31'))).toEqual([
        'claims.backlog@2025-Q4=10#1',
        'claims.turnaround@2026-02=2.5#2',
      ]);
      expect(pick(await db.latestReported(all, '2027-01-04'))).toEqual([
        'claims.backlog@2025-Q4=10#1',
        'claims.turnaround@2026-03=3#1',
        'claims.weekly@2026-W53=153#1',
      ]);
      expect(pick(await db.latestReported(['claims.turnaround'], '2025-07-01'))).toEqual([
        'claims.turnaround@2025-06=9#1',
      ]);
      expect(await db.latestReported(all, '2025-06-30')).toEqual([]);
      expect(await db.latestReported([], '2027-01-01')).toEqual([]);
    });

    it('tells which KPIs have readings and when each last got one', async () => {
      await submit(db, [
        reading('claims.turnaround', '2026-01', 1, { submittedAt: '2026-02-02T08:00:00.000Z' }),
      ]);
      await submit(db, [
        reading('claims.turnaround', '2025-12', 1, { submittedAt: '2026-02-03T08:00:00.000Z' }),
      ]);
      await submit(db, [
        reading('claims.backlog', '2026-Q1', 1, { submittedAt: '2026-04-03T08:00:00.000Z' }),
      ]);
      expect(await db.kpisWithReadings(['claims.turnaround', 'claims.weekly', 'claims.backlog'])).toEqual(
        new Set(['claims.turnaround', 'claims.backlog']),
      );
      expect(await db.lastSubmittedAt(['claims.turnaround', 'claims.backlog', 'claims.weekly'])).toEqual(
        new Map([
          ['claims.turnaround', '2026-02-03T08:00:00.000Z'],
          ['claims.backlog', '2026-04-03T08:00:00.000Z'],
        ]),
      );
    });

    it('stores a batch of 1,200 readings at once', async () => {
      const batch = Array.from({ length: 1200 }, (_, i) =>
        reading(
          'claims.turnaround',
          `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
          i,
        ),
      );
      const { readings } = await submit(db, batch);
      expect(readings).toHaveLength(1200);
      expect(await db.listReadings('claims.turnaround')).toEqual(readings);
    });
  });

  describe('links and observations', () => {
    beforeEach(() => seed(db));

    const link: Link = {
      id: '0b6f3c2e-1111-4a4a-9e9e-123456789abc',
      workbookId: 'wb-1',
      workbookName: 'ops.xlsx',
      sheet: 'KPIs',
      address: 'C5:N7',
      layout: 'grid',
      kpiIds: ['claims.turnaround', 'claims.backlog'],
      scale: 0.001,
      createdBy: 'ana',
      createdAt: '2026-03-01T10:00:00.000Z',
    };

    it('inserts a link, then updates all but its creator and creation time', async () => {
      expect(await db.upsertLink(link)).toEqual(link);
      const moved = await db.upsertLink({
        ...link,
        address: 'C6:N8',
        workbookName: 'ops (2).xlsx',
        kpiIds: ['claims.turnaround'],
        layout: 'series',
        scale: 1000,
        createdBy: 'olga',
        createdAt: '2026-03-09T10:00:00.000Z',
      });
      const expected: Link = {
        ...link,
        address: 'C6:N8',
        workbookName: 'ops (2).xlsx',
        kpiIds: ['claims.turnaround'],
        layout: 'series',
        scale: 1000,
      };
      expect(moved).toEqual(expected);
      const other: Link = { ...link, id: 'other', workbookId: 'wb-2', createdAt: '2026-03-02T10:00:00.000Z' };
      await db.upsertLink(other);
      expect(await db.listLinks()).toEqual([expected, other]);
      expect(await db.listLinks({ workbookId: 'wb-2' })).toEqual([other]);
      expect(await db.listLinks({ ids: [link.id, 'missing'] })).toEqual([expected]);
      expect(await db.listLinks({ ids: [] })).toEqual([]);
      expect(await db.listLinks({ ids: [link.id, 'other'], workbookId: 'wb-1' })).toEqual([expected]);
    });

    it('keeps the latest observation per link, KPI and period', async () => {
      await db.upsertLink(link);
      const base: ObservationRow = {
        linkId: link.id,
        kpiId: 'claims.turnaround',
        period: '2026-01',
        value: 7.5,
        unreadable: null,
        canonical: 7.25,
        revision: 2,
        verdict: 'diverged',
        observedBy: 'ana',
        observedAt: '2026-03-10T10:00:00.000Z',
      };
      const unreadable: ObservationRow = {
        ...base,
        kpiId: 'claims.backlog',
        period: '2026-Q1',
        value: null,
        unreadable: '#DIV/0!',
        canonical: null,
        revision: null,
        verdict: 'unreadable',
      };
      await db.recordObservations([base, unreadable]);
      expect(await db.listObservations()).toEqual([unreadable, base]);

      const newer: ObservationRow = {
        ...base,
        value: 7.25,
        verdict: 'match',
        observedAt: '2026-03-11T10:00:00.000Z',
      };
      await db.recordObservations([newer]);
      // A late arrival observed before the stored one does not replace it.
      await db.recordObservations([{ ...base, value: 1, observedAt: '2026-03-10T12:00:00.000Z' }]);
      expect(await db.listObservations({ kpiIds: ['claims.turnaround'] })).toEqual([newer]);

      // The same key twice in one batch: the later observation wins.
      const later = {
        ...newer,
        value: 9,
        verdict: 'diverged' as const,
        observedAt: '2026-03-12T10:00:00.000Z',
      };
      await db.recordObservations([later, { ...newer, observedAt: '2026-03-11T11:00:00.000Z' }]);
      expect(await db.listObservations({ kpiIds: ['claims.turnaround'] })).toEqual([later]);
      expect(await db.listObservations({ kpiIds: [] })).toEqual([]);
      // Of one verdict, as the summary asks for them.
      expect(await db.listObservations({ verdict: 'diverged' })).toEqual([later]);
      expect(await db.listObservations({ kpiIds: ['claims.backlog'], verdict: 'unreadable' })).toEqual([
        unreadable,
      ]);
      expect(await db.listObservations({ kpiIds: ['claims.turnaround'], verdict: 'match' })).toEqual([]);
      await db.recordObservations([]);
    });

    it('records thousands of observations in one call', async () => {
      await db.upsertLink(link);
      const rows: ObservationRow[] = Array.from({ length: 3000 }, (_, i) => ({
        linkId: link.id,
        kpiId: 'claims.turnaround',
        period: `${1800 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        value: i,
        unreadable: null,
        canonical: null,
        revision: null,
        verdict: 'local-only',
        observedBy: 'ana',
        observedAt: AT,
      }));
      await db.recordObservations(rows);
      expect(await db.listObservations()).toHaveLength(3000);
    });
  });

  describe('events', () => {
    beforeEach(() => seed(db));

    it('announces readings once they are stored, until unsubscribed', async () => {
      const events: ReadingsEvent[] = [];
      const unsubscribe = db.onReadings((e) => events.push(e));
      const arrived = collectEvents(db, 2);
      await submit(db, [
        reading('claims.turnaround', '2026-01', 1),
        reading('claims.turnaround', '2026-01', 2),
      ]);
      expect(await arrived).toEqual([
        {
          readings: [
            { kpiId: 'claims.turnaround', period: '2026-01', revision: 1 },
            { kpiId: 'claims.turnaround', period: '2026-01', revision: 2 },
          ],
        },
      ]);
      unsubscribe();
      const next = collectEvents(db, 1);
      await submit(db, [reading('claims.turnaround', '2026-02', 1)]);
      await next;
      expect(events).toHaveLength(1);
    });

    it('announces nothing for a replay or a failed submission', async () => {
      const events: ReadingsEvent[] = [];
      const unsubscribe = db.onReadings((e) => events.push(e));
      await submit(db, [reading('claims.turnaround', '2026-01', 1)], 'k', 'h');
      await submit(db, [reading('claims.turnaround', '2026-01', 1)], 'k', 'h');
      await expect(submit(db, [reading('claims.unknown', '2026-01', 1)])).rejects.toMatchObject(
        sqlError(/foreign key/i),
      );
      // Then a marker: once it arrived, anything sent before it has too.
      const marker = collectEvents(db, 1);
      await submit(db, [reading('claims.backlog', '2026-Q1', 1)]);
      await marker;
      unsubscribe();
      expect(events.map((e) => e.readings[0]!.kpiId)).toEqual(['claims.turnaround', 'claims.backlog']);
    });

    it('reaches another store opened on the same database', async () => {
      if (engine === 'sqlite') return; // Embedded SQLite has one process; events stay in it.
      const other = await openStoreDb(db.options);
      try {
        const arrived = collectEvents(other, 1200);
        const batch = Array.from({ length: 1200 }, (_, i) =>
          reading(
            'claims.turnaround',
            `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
            i,
          ),
        );
        await submit(db, batch);
        const events = await arrived;
        // A NOTIFY payload is limited to 8000 bytes: a big batch comes as several events.
        expect(events.length).toBeGreaterThan(1);
        expect(events.flatMap((e) => e.readings)).toHaveLength(1200);
      } finally {
        await other.close();
      }
    });
  });
});

describe('sqlite', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'plumbline-durable-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps readings across closing and reopening the data folder, in WAL with synchronous=FULL', async () => {
    const first = await openStoreDb({ dataDir: join(dataDir, 'nested') });
    await seed(first);
    const { readings } = await submit(first, [
      reading('claims.turnaround', '2026-01', 7.5, { comment: 'kept' }),
    ]);
    await first.close();

    const second = await openStoreDb({ dataDir: join(dataDir, 'nested') });
    try {
      expect(await second.listReadings('claims.turnaround')).toEqual(readings);
      expect(await second.listNodes()).toEqual(MODEL);
      expect(await second.countUsers()).toBe(2);
      const again = await submit(second, [reading('claims.turnaround', '2026-01', 8)]);
      expect(again.readings[0]!.revision).toBe(2);
    } finally {
      await second.close();
    }

    const { db: raw } = connectDatabase({ dataDir: join(dataDir, 'nested') });
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(raw);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(raw);
      expect(sync.rows[0]?.synchronous).toBe(2); // FULL
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(raw);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await raw.destroy();
    }
  });

  it('needs a data folder or a URL', async () => {
    await expect(openStoreDb({})).rejects.toThrow(/data folder/);
  });
});

describe('postgres', () => {
  it('migrates once when several processes open a new database together', async () => {
    const { databaseUrl, drop } = await createPgTestDatabase();
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStoreDb({ databaseUrl })));
      try {
        await seed(stores[0]!);
        expect(await stores[3]!.countUsers()).toBe(2);
        const { db: raw } = connectDatabase({ databaseUrl });
        try {
          const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
            raw,
          );
          expect(done.rows.map((r) => r.name)).toEqual(['0001-initial', '0002-diverged-observations']);
        } finally {
          await raw.destroy();
        }
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await drop();
    }
  });

  it('hands numbers, not strings, back from PostgreSQL', async () => {
    const db = await openTestDb('postgres');
    try {
      await seed(db);
      await submit(db, [reading('claims.turnaround', '2026-01', 123456789.125)]);
      const [r] = await db.listReadings('claims.turnaround');
      expect(r).toMatchObject({ value: 123456789.125, revision: 1 });
      expect(typeof (await db.countUsers())).toBe('number');
    } finally {
      await db.close();
    }
  });

  it('compares text byte by byte like SQLite, whatever the server collation', async () => {
    const db = await openTestDb('postgres');
    const { db: raw } = connectDatabase(db.options);
    try {
      const columns = await sql<{ table_name: string; column_name: string; collation_name: string | null }>`
        select table_name, column_name, collation_name from information_schema.columns
        where table_schema = 'public' and data_type = 'text' and table_name not like 'kysely%'`.execute(raw);
      expect(columns.rows.length).toBeGreaterThan(30);
      expect(columns.rows.filter((c) => c.collation_name !== 'C')).toEqual([]);
    } finally {
      await raw.destroy();
      await db.close();
    }
  });
});
