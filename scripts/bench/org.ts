/**
 * A big organisation for the benchmarks: a store (SQLite or PostgreSQL) with
 * `kpis` monthly KPIs under 4 pillars × 5 programs, one owner and one analyst,
 * on a fixed clock, and raw access to its database for bulk setup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import type { ModelNode } from '../../src/core/model';
import { periodBounds } from '../../src/core/period-key';
import { connectDatabase } from '../../src/store/db/open';
import type { Database } from '../../src/store/db/schema';
import { startServer, type RunningServer } from '../../src/store/server';

export type Engine = 'sqlite' | 'postgres';
export const ADMIN = 'pl_bench_admin_token_0123456789';
/** The store's clock: every month below has ended. */
export const NOW = new Date('2030-06-01T10:00:00.000Z');
export const OWNER = 'owen';

/** `count` consecutive months from January 2026. */
export function months(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const m = from + i;
    return `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

export const kpiId = (i: number) => `k${i}`;

export function modelOf(kpis: number): ModelNode[] {
  const nodes: ModelNode[] = [];
  for (let p = 0; p < 4; p++) {
    nodes.push({ id: `p${p}`, kind: 'pillar', name: `Pillar ${p}` });
    for (let g = 0; g < 5; g++)
      nodes.push({ id: `p${p}.g${g}`, kind: 'program', name: `Program ${p}.${g}`, parentId: `p${p}` });
  }
  for (let i = 0; i < kpis; i++) {
    nodes.push({
      id: kpiId(i),
      kind: 'kpi',
      name: `KPI ${i}`,
      parentId: `p${i % 4}.g${Math.floor(i / 4) % 5}`,
      unit: '%',
      direction: 'up',
      cadence: 'month',
      ownerId: OWNER,
      // Every value in the benchmarks is on track: no remediation needed.
      target: 0,
      thresholds: { amber: -1, red: -2 },
      indicator: 'lag',
      dependsOn: [],
    } as ModelNode);
  }
  return nodes;
}

export interface BenchStore {
  server: RunningServer;
  url: string;
  tokens: { admin: string; owner: string; analyst: string };
  /** A second connection on the same database, for bulk setup and raw inserts. */
  raw: Kysely<Database>;
  /** Where its data lives: the SQLite folder or the PostgreSQL URL. */
  location: { dataDir?: string; databaseUrl?: string };
  /** Stops the server and the raw connection, keeping the data. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface Where {
  engine: Engine;
  /** A PostgreSQL server's URL; each store gets a database of its own. */
  pgUrl?: string;
}

let databases = 0;

/** A fresh store with the model of `kpis` KPIs, over HTTP on a loopback port. */
export async function startBenchStore(where: Where, kpis: number, webRoot?: string): Promise<BenchStore> {
  const location = await freshLocation(where);
  const server = await startServer({
    port: 0,
    adminToken: ADMIN,
    now: () => NOW,
    webRoot,
    ...location.options,
  });
  const call = async (path: string, method: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`setup ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { token: string };
  };
  const owner = await call('/v1/users', 'POST', { id: OWNER, name: 'Owen', role: 'owner' });
  const analyst = await call('/v1/users', 'POST', { id: 'ana', name: 'Ana', role: 'analyst' });
  await call('/v1/model', 'PUT', { nodes: modelOf(kpis) });
  const { db: raw } = connectDatabase(location.options);
  return {
    server,
    url: server.url,
    tokens: { admin: ADMIN, owner: owner.token, analyst: analyst.token },
    raw,
    location: location.options,
    stop: async () => {
      await raw.destroy();
      await server.close();
    },
    close: async () => {
      await raw.destroy();
      await server.close();
      await location.drop();
    },
  };
}

/** A new SQLite folder, or a new database on the PostgreSQL server. */
export async function freshLocation(
  where: Where,
): Promise<{ options: { dataDir?: string; databaseUrl?: string }; drop(): Promise<void> }> {
  if (where.engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'plumbline-bench-'));
    return { options: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const pg = (await import('pg')).default;
  const name = `bench_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: where.pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(where.pgUrl!);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: where.pgUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A reading row as the store writes it (revision 1). */
export function readingRow(kpi: string, period: string, value: number, revision = 1) {
  const { start, end } = periodBounds(period);
  return {
    kpi_id: kpi,
    period,
    period_start: start,
    period_end: end,
    value,
    comment: null,
    remediation: null,
    source: null,
    submitted_by: OWNER,
    submitted_at: NOW.toISOString(),
    revision,
  };
}

/** Inserts rows 500 at a time (under both engines' limits on bound parameters). */
export async function insertRows<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500) as Insertable<Database[T]>[])
      .execute();
  }
}
