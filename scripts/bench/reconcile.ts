/**
 * Workloads 3, 4 and 9: `plumbline reconcile` of 150,000 linked cells as a
 * child process against a real store; core's reconcile alone on the same
 * workbook in memory, counting store requests by kind; `plumbline link` of a
 * 12,000-cell block into that workbook; and time per cell from 1k to 1M cells.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reconcileWorkbook } from '../../src/core/reconcile-workbook';
import {
  cellsOf,
  linkAll,
  memoryStore,
  memoryWorkbook,
  truthReadings,
  xlsxWorkbook,
  type Shape,
} from './big-workbook';
import { insertRows, kpiId, readingRow, startBenchStore, type Where } from './org';
import { REQUEST_BODY_BUDGET } from '../../src/core/request-batches';
import { check, mb, median, ms, row, type BenchRow } from './table';

const BIN = join(__dirname, '../../../../bin/plumbline.js');

/** Core alone: compare, register and observe against a store in memory. */
async function coreOnce(shape: Shape) {
  const workbook = memoryWorkbook(shape);
  const setup = memoryStore(truthReadings(shape));
  await linkAll(workbook, setup, shape);
  const store = memoryStore(truthReadings(shape));
  const started = performance.now();
  const result = await reconcileWorkbook(workbook, store);
  const elapsed = performance.now() - started;
  check(
    result.cells.length === cellsOf(shape),
    `reconciled ${result.cells.length} cells of ${cellsOf(shape)}`,
  );
  const diverged = result.cells.filter((c) => c.verdict === 'diverged').length;
  check(diverged > 0 && diverged < cellsOf(shape) / 50, `${diverged} cells diverged`);
  return { ms: elapsed, requests: store.requests, observedBytes: store.observedBytes.total };
}

export async function benchCoreReconcile(quick: boolean): Promise<BenchRow[]> {
  const shape: Shape = { links: 15, kpis: 1000, months: 10 };
  const runs = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) runs.push(await coreOnce(shape));
  const { requests, observedBytes } = runs[0]!;
  // Observations cannot all go in one request: the fewest the 4 MB body limit allows.
  const fewest = Math.ceil(observedBytes / REQUEST_BODY_BUDGET);
  const perKind = `${Object.entries(requests)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ')} (${mb(observedBytes)} of observations: the 4 MB limit allows ${fewest})`;
  const t = median(runs.map((r) => r.ms));
  const rows = [
    row('3', 'reconcile 150,000 cells, core alone', ms(t), '≤ 1 s', t <= 1000),
    row(
      '3',
      'store requests per reconcile (15 links)',
      perKind,
      '1 per kind; observe: the fewest 4 MB allows',
      Object.entries(requests).every(([kind, n]) => n <= (kind === 'observe' ? fewest : 1)),
    ),
  ];
  // Workload 9: the same work at growing sizes, per cell.
  const sizes: Shape[] = [
    { links: 1, kpis: 100, months: 10 },
    { links: 1, kpis: 1000, months: 10 },
    { links: 10, kpis: 1000, months: 10 },
    ...(quick ? [] : [{ links: 100, kpis: 1000, months: 10 }]),
  ];
  const perCell: number[] = [];
  for (const size of sizes) {
    // The smallest sizes are too quick to time once: the median of several.
    const times = [];
    for (let i = 0; i < (cellsOf(size) <= 10_000 ? 5 : 1); i++) times.push((await coreOnce(size)).ms);
    perCell.push((median(times) * 1000) / cellsOf(size));
  }
  const growth = perCell.at(-1)! / Math.min(...perCell.slice(0, -1));
  rows.push(
    row(
      '9',
      `reconcile time per cell at ${sizes.map((s) => cellsOf(s).toLocaleString('en')).join(' / ')} cells`,
      `${perCell.map((us) => `${us.toFixed(2)} µs`).join(' / ')} (largest ÷ smallest-so-far ${growth.toFixed(2)}×)`,
      'not growing (≤ 1.5×)',
      growth <= 1.5,
    ),
  );
  return rows;
}

function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

export async function benchHeadless(where: Where, quick: boolean): Promise<BenchRow[]> {
  const shape: Shape = { links: quick ? 3 : 15, kpis: 1000, months: 10 };
  const extra: Shape = { links: 1, kpis: 1000, months: 12 };
  const store = await startBenchStore(where, 1000);
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-bench-wb-'));
  try {
    await insertRows(
      store.raw,
      'readings',
      truthReadings(shape).map((r) => readingRow(r.kpiId, r.period, r.value)),
    );
    const file = join(dir, 'big.xlsx');
    writeFileSync(file, await xlsxWorkbook(shape, extra));
    const auth = ['--server', store.url, '--token', store.tokens.analyst];
    const cells = cellsOf(shape);

    const reconcile = await runCli(['reconcile', file, ...auth]);
    check(reconcile.code === 1, `reconcile exited ${reconcile.code}: ${reconcile.stderr}`);
    check(reconcile.stdout.includes(`${cells} cells`), `reconcile said: ${reconcile.stdout.slice(0, 200)}`);

    const kpis = Array.from({ length: extra.kpis }, (_, k) => kpiId(k)).join(',');
    const link = await runCli([
      'link',
      file,
      '--sheet',
      'X1',
      '--values',
      'B2:M1001',
      '--periods',
      'B1:M1',
      '--kpi',
      kpis,
      ...auth,
    ]);
    check(link.code === 0, `link exited ${link.code}: ${link.stderr}`);

    const label = `${cells.toLocaleString('en')} cells, ${where.engine}`;
    return [
      row(
        '3',
        `plumbline reconcile ${label}`,
        ms(reconcile.ms),
        quick ? 'info (--quick)' : '≤ 5 s',
        quick ? undefined : reconcile.ms <= 5000,
      ),
      row(
        '4',
        `plumbline link 12,000 cells into ${label}`,
        ms(link.ms),
        quick ? 'info (--quick)' : '≤ 1 s',
        quick ? undefined : link.ms <= 1000,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await store.close();
  }
}
