/**
 * Workload 8: the store's resident memory (a `plumbline serve` child process
 * on SQLite) holding 1,000,000 readings, idle and while serving the summary
 * of workload 2 (the summary's data set, with more revisions of each reading).
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SQLITE_FILE } from '../../src/store/db/open';
import { ADMIN, readingRow, startBenchStore } from './org';
import { seedSummaryData, SUMMARY_AS_OF } from './summary';
import { check, row, type BenchRow } from './table';

const BIN = join(__dirname, '../../../../bin/plumbline.js');
const LIMIT = 250 * 1024 * 1024;

export async function benchMemory(quick: boolean): Promise<BenchRow[]> {
  const kpis = quick ? 200 : 2000;
  const target = quick ? 100_000 : 1_000_000;
  const store = await startBenchStore({ engine: 'sqlite' }, kpis);
  const dataDir = store.location.dataDir!;
  try {
    await seedSummaryData(store, kpis, quick ? 500 : 5000);
    await store.stop();
    const total = addRevisions(dataDir, target);
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], {
      env: { ...process.env, PLUMBLINE_ADMIN_TOKEN: ADMIN },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      await fetch(`${url}/healthz`);
      const idle = status(child.pid!, 'VmRSS');
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, status(child.pid!, 'VmRSS'))), 10);
      for (let i = 0; i < 5; i++) {
        // A new day each time (the same rows): the store reads the summary afresh, none is kept.
        const asOf = `${SUMMARY_AS_OF.slice(0, 8)}${15 + i}`;
        const res = await fetch(`${url}/v1/summary?asOf=${asOf}`, {
          headers: { authorization: `Bearer ${ADMIN}` },
        });
        check(res.status === 200, `summary answered ${res.status}`);
        await res.arrayBuffer();
      }
      clearInterval(sampler);
      peak = Math.max(peak, status(child.pid!, 'VmHWM'));
      const label = `${total.toLocaleString('en')} readings`;
      const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
      return [
        row('8', `store RSS with ${label}, idle`, mib(idle), '≤ 250 MB', idle <= LIMIT),
        row(
          '8',
          `store RSS with ${label}, serving the summary read afresh 5 times (peak)`,
          mib(peak),
          '≤ 250 MB',
          peak <= LIMIT,
        ),
      ];
    } finally {
      child.kill('SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** More revisions of the summary's readings, straight into SQLite, until the store holds `target`. */
function addRevisions(dataDir: string, target: number): number {
  const db = new BetterSqlite3(join(dataDir, SQLITE_FILE));
  try {
    const base = db.prepare('SELECT kpi_id, period, value FROM readings').all() as {
      kpi_id: string;
      period: string;
      value: number;
    }[];
    const sample = readingRow('k0', '2026-01', 0);
    const columns = Object.keys(sample) as (keyof typeof sample)[];
    const insert = db.prepare(
      `INSERT INTO readings (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    let count = base.length;
    db.transaction(() => {
      for (let revision = 2; count < target; revision++) {
        for (const r of base) {
          if (count >= target) break;
          const next = readingRow(r.kpi_id, r.period, r.value, revision);
          insert.run(...columns.map((c) => next[c]));
          count++;
        }
      }
    })();
    return count;
  } finally {
    db.close();
  }
}

/** A field of /proc/PID/status in bytes (Linux). */
function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}
