/**
 * `plumbline backup` copies a live SQLite store while clients keep submitting,
 * and `plumbline restore` puts the copy in a new folder that `serve` runs: the
 * restored store holds every reading acknowledged before the backup began,
 * nothing half-written, revisions without gaps, and its idempotency keys agree
 * with its readings. The backup must read through SQLite, not copy the file:
 * commits still in the WAL are in it (a plain copy of plumbline.db misses them).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '../../src/store/db/open';
import { runCli, startCli, type RunningCli } from './run-cli';

jest.setTimeout(120_000);

const ADMIN = 'pl_backup_admin_token_00000000000000001';
const headers = (key?: string) => ({
  authorization: `Bearer ${ADMIN}`,
  'content-type': 'application/json',
  ...(key ? { 'idempotency-key': key } : {}),
});

interface Sent {
  key: string;
  value: number;
  ack?: string;
}

const MODEL = {
  nodes: [
    { id: 'b', kind: 'pillar', name: 'B' },
    {
      id: 'b.kpi',
      kind: 'kpi',
      name: 'K',
      parentId: 'b',
      unit: 'n',
      direction: 'up',
      cadence: 'month',
      ownerId: 'admin',
      target: 0,
    },
  ],
};

/** Readings the SQLite file holds, opened alone (no table yet counts as none). */
function readingsIn(file: string): { value: number; revision: number }[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    const table = db.prepare("select count(*) as n from sqlite_master where name = 'readings'").get() as {
      n: number;
    };
    if (table.n === 0) return [];
    return db.prepare('select value, revision from readings order by revision').all() as {
      value: number;
      revision: number;
    }[];
  } finally {
    db.close();
  }
}

describe('plumbline backup and restore', () => {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-backup-'));
  const data = join(root, 'data');
  const restored = join(root, 'restored');
  const file = join(root, 'store.backup');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a backup of a live store restores to a consistent store', async () => {
    const live = await startCli(['serve', '--port', '0', '--data', data], { PLUMBLINE_ADMIN_TOKEN: ADMIN });
    const sent: Sent[] = [];
    let ackedBeforeBackup: Sent[] = [];
    try {
      const model = await fetch(`${live.url}/v1/model`, {
        method: 'PUT',
        headers: headers(),
        body: JSON.stringify(MODEL),
      });
      expect(model.status).toBe(200);
      let stopped = false;
      const submitter = async () => {
        while (!stopped) {
          const item: Sent = { key: `b-${sent.length}`, value: sent.length + 1 };
          sent.push(item);
          const res = await fetch(`${live.url}/v1/readings`, {
            method: 'POST',
            headers: headers(item.key),
            body: JSON.stringify({ readings: [{ kpiId: 'b.kpi', period: '2026-10', value: item.value }] }),
          });
          expect(res.status).toBe(201);
          item.ack = await res.text();
        }
      };
      const clients = [submitter(), submitter()];
      await new Promise((resolve) => setTimeout(resolve, 300));
      ackedBeforeBackup = sent.filter((s) => s.ack !== undefined);
      const backup = await runCli(['backup', '--data', data, '--out', file], { DATABASE_URL: '' });
      expect([backup.code, backup.stderr]).toEqual([0, '']);
      stopped = true;
      await Promise.all(clients);
    } finally {
      await live.stop();
    }
    expect(ackedBeforeBackup.length).toBeGreaterThan(5);

    const restore = await runCli(['restore', file, '--data', restored]);
    expect([restore.code, restore.stderr]).toEqual([0, '']);
    const copy = await startCli(['serve', '--port', '0', '--data', restored], {
      PLUMBLINE_ADMIN_TOKEN: ADMIN,
    });
    try {
      const res = await fetch(`${copy.url}/v1/readings?kpiId=b.kpi`, { headers: headers() });
      const readings = ((await res.json()) as { readings: { value: number; revision: number }[] }).readings;
      const values = new Set(readings.map((r) => r.value));
      for (const item of ackedBeforeBackup)
        expect([item.key, values.has(item.value)]).toEqual([item.key, true]);
      expect(readings.map((r) => r.revision)).toEqual(readings.map((_, i) => i + 1));
      // Keys and readings agree: a stored reading's key replays its answer; a missing one stores it now.
      for (const item of sent.filter((s) => s.ack !== undefined)) {
        const retry = await fetch(`${copy.url}/v1/readings`, {
          method: 'POST',
          headers: headers(item.key),
          body: JSON.stringify({ readings: [{ kpiId: 'b.kpi', period: '2026-10', value: item.value }] }),
        });
        expect(retry.status).toBe(201);
        const replayed = retry.headers.get('idempotent-replayed') === 'true';
        expect([item.key, replayed]).toEqual([item.key, values.has(item.value)]);
        if (replayed) expect(await retry.text()).toBe(item.ack);
      }
    } finally {
      await copy.stop();
    }
  });

  test('refusals exit 2: PostgreSQL (use pg_dump), an existing backup file, a restore over a store, not a store', async () => {
    const pg = await runCli(['backup', '--data', data, '--out', join(root, 'x')], {
      DATABASE_URL: 'postgres://h/db',
    });
    expect([pg.code, pg.stderr]).toEqual([2, expect.stringContaining('pg_dump')]);
    const again = await runCli(['backup', '--data', data, '--out', file], { DATABASE_URL: '' });
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('exists')]);
    const over = await runCli(['restore', file, '--data', data]);
    expect([over.code, over.stderr]).toEqual([2, expect.stringContaining('exists')]);
    const junk = join(root, 'junk.backup');
    writeFileSync(junk, 'not a database');
    const bad = await runCli(['restore', junk, '--data', join(root, 'other')]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('not a')]);
  });
});

describe('plumbline backup of a store whose latest commits are only in its WAL', () => {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-backup-wal-'));
  const data = join(root, 'data');
  const file = join(root, 'store.backup');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the copy opens sound and holds every reading acknowledged before it began, none of which is in the main file', async () => {
    const live: RunningCli = await startCli(['serve', '--port', '0', '--data', data], {
      PLUMBLINE_ADMIN_TOKEN: ADMIN,
      DATABASE_URL: '',
    });
    const store = join(data, SQLITE_FILE);
    // A reader that stays open from before the first reading (a long query, another tool) pins the WAL:
    // SQLite checkpoints no frame past its snapshot, so every reading below stays in plumbline.db-wal and
    // is missing from plumbline.db itself, where a copy of the file would look for it.
    const pin = new Database(store, { readonly: true, fileMustExist: true });
    const sent: Sent[] = [];
    let ackedBeforeBackup: Sent[] = [];
    const failures: string[] = [];
    let stopped = false;
    let writers: Promise<void>[] = [];
    try {
      const model = await fetch(`${live.url}/v1/model`, {
        method: 'PUT',
        headers: headers(),
        body: JSON.stringify(MODEL),
      });
      expect(model.status).toBe(200);
      pin.prepare('begin').run();
      pin.prepare('select count(*) from readings').get();

      const writer = async () => {
        while (!stopped) {
          const item: Sent = { key: `w-${sent.length}`, value: sent.length + 1 };
          sent.push(item);
          try {
            const res = await fetch(`${live.url}/v1/readings`, {
              method: 'POST',
              headers: headers(item.key),
              body: JSON.stringify({ readings: [{ kpiId: 'b.kpi', period: '2026-10', value: item.value }] }),
            });
            if (res.status === 201) item.ack = await res.text();
            else failures.push(`${item.key}: ${res.status} ${await res.text()}`);
          } catch (error) {
            failures.push(`${item.key}: ${String(error)}`);
          }
        }
      };
      writers = [writer(), writer()];
      while (sent.filter((s) => s.ack !== undefined).length < 30 && failures.length === 0)
        await new Promise((resolve) => setTimeout(resolve, 20));
      ackedBeforeBackup = sent.filter((s) => s.ack !== undefined);

      // What a plain copy of the file would hold at this moment: none of the acknowledged readings.
      const bare = join(root, 'bare-copy.db');
      copyFileSync(store, bare);
      expect(readingsIn(bare)).toEqual([]);

      // Taken while the writers keep committing.
      const backup = await runCli(['backup', '--data', data, '--out', file], { DATABASE_URL: '' });
      expect([backup.code, backup.stderr]).toEqual([0, '']);
    } finally {
      stopped = true;
      await Promise.all(writers);
      if (pin.inTransaction) pin.prepare('commit').run();
      pin.close();
      await live.stop();
    }
    expect(failures).toEqual([]);

    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const keys = copy.prepare('select count(*) as n from idempotency_keys').get() as { n: number };
      const readings = copy.prepare('select value, revision from readings order by revision').all() as {
        value: number;
        revision: number;
      }[];
      const values = new Set(readings.map((r) => r.value));
      expect(ackedBeforeBackup.filter((s) => !values.has(s.value)).map((s) => s.key)).toEqual([]);
      // One reading per key, each once, numbered without gaps: no half-copied submission.
      expect(values.size).toBe(readings.length);
      expect(keys.n).toBe(readings.length);
      expect(readings.map((r) => r.revision)).toEqual(readings.map((_, i) => i + 1));
    } finally {
      copy.close();
    }
  });
});
