/**
 * Workload 2: the summary of 2,000 KPIs × 36 months of history with 5,000
 * links and their observations (12 periods each): p50 of `GET /v1/summary`
 * and the time of `GET /v1/summary.xlsx`.
 */
import {
  insertRows,
  kpiId,
  months,
  NOW,
  OWNER,
  readingRow,
  startBenchStore,
  type BenchStore,
  type Where,
} from './org';
import { check, median, ms, row, type BenchRow } from './table';

export const SUMMARY_AS_OF = '2029-06-15';

/** Fills a store with the summary's data set, straight into its database. */
export async function seedSummaryData(store: BenchStore, kpis: number, links: number): Promise<void> {
  const history = months(36, 5 * 12 - 36 + 5); // June 2026 … May 2029
  const readings = [];
  for (let k = 0; k < kpis; k++) {
    for (const [m, period] of history.entries())
      readings.push(readingRow(kpiId(k), period, 50 + ((k + m) % 40)));
  }
  await insertRows(store.raw, 'readings', readings);
  const at = NOW.toISOString();
  const linkRows = Array.from({ length: links }, (_, l) => ({
    id: `00000000-0000-4000-8000-${String(l).padStart(12, '0')}`,
    workbook_id: `wb-${l % 50}`,
    workbook_name: `Pack ${l % 50}.xlsx`,
    sheet: 'Pack',
    address: `B${l + 2}:M${l + 2}`,
    layout: 'series',
    kpi_ids: JSON.stringify([kpiId(l % kpis)]),
    scale: 1,
    created_by: OWNER,
    created_at: at,
    updated_at: at,
  }));
  await insertRows(store.raw, 'links', linkRows);
  const observations = linkRows.flatMap((link, l) =>
    history.slice(-12).map((period, m) => ({
      link_id: link.id,
      kpi_id: kpiId(l % kpis),
      period,
      value: 50 + ((l + m) % 40) + (l % 9 === 0 ? 1 : 0),
      unreadable: null,
      canonical: 50 + ((l + m) % 40),
      revision: 1,
      verdict: l % 9 === 0 ? 'diverged' : 'match',
      observed_by: OWNER,
      observed_at: at,
    })),
  );
  await insertRows(store.raw, 'observations', observations);
}

export async function benchSummary(where: Where, quick: boolean): Promise<BenchRow[]> {
  const kpis = quick ? 200 : 2000;
  const links = quick ? 500 : 5000;
  const store = await startBenchStore(where, kpis);
  try {
    await seedSummaryData(store, kpis, links);
    const get = async (path: string) => {
      const started = performance.now();
      const res = await fetch(`${store.url}${path}`, {
        headers: { authorization: `Bearer ${store.tokens.admin}` },
      });
      const body = Buffer.from(await res.arrayBuffer());
      check(res.status === 200, `GET ${path} answered ${res.status}`);
      return { ms: performance.now() - started, body };
    };
    const first = await get(`/v1/summary?asOf=${SUMMARY_AS_OF}`);
    const rows = (JSON.parse(first.body.toString()) as { rows: { kind: string; copies: number }[] }).rows;
    const kpiRows = rows.filter((r) => r.kind === 'kpi');
    check(kpiRows.length === kpis, `the summary has ${kpiRows.length} KPI rows of ${kpis}`);
    const copies = kpiRows.reduce((n, r) => n + r.copies, 0);
    check(copies === links, `the summary counts ${copies} copies of ${links} links`);
    const times: number[] = [];
    for (let i = 0; i < (quick ? 5 : 15); i++)
      times.push((await get(`/v1/summary?asOf=${SUMMARY_AS_OF}`)).ms);
    // The store keeps a summary until the next commit: a new day each time (same rows) is read afresh.
    const computed: number[] = [];
    for (let i = 1; i <= (quick ? 3 : 7); i++) {
      const answer = await get(`/v1/summary?asOf=${SUMMARY_AS_OF.slice(0, 8)}${15 + i}`);
      check(answer.body.length === first.body.length, 'another day of the same month: the same summary');
      computed.push(answer.ms);
    }
    const xlsx: number[] = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const answer = await get(`/v1/summary.xlsx?asOf=${SUMMARY_AS_OF}`);
      check(answer.body.subarray(0, 2).toString() === 'PK', 'summary.xlsx is a zip');
      xlsx.push(answer.ms);
    }
    const p50 = median(times);
    const budget = where.engine === 'sqlite' ? 150 : 300;
    const size = `${kpis.toLocaleString('en')} KPIs × 36 months, ${links.toLocaleString('en')} links`;
    return [
      row('2', `summary p50, ${where.engine} (${size})`, ms(p50), `≤ ${budget} ms`, p50 <= budget),
      row(
        '2',
        `summary p50 read afresh (no kept summary), ${where.engine}`,
        ms(median(computed)),
        `info (budget ${budget} ms applies to the line above)`,
      ),
      row('2', `summary.xlsx, ${where.engine}`, ms(median(xlsx)), '≤ 1 s', median(xlsx) <= 1000),
    ];
  } finally {
    await store.close();
  }
}
