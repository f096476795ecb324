/** One line of the bench table: a figure measured on this machine against its budget. */
export interface BenchRow {
  /** The workload number (1–9). */
  workload: string;
  what: string;
  figure: string;
  budget: string;
  /** `info` for figures without a budget of their own, `skip` for a workload that does not exist yet. */
  mark: 'pass' | 'miss' | 'info' | 'skip';
}

export function row(
  workload: string,
  what: string,
  figure: string,
  budget: string,
  pass?: boolean,
): BenchRow {
  return { workload, what, figure, budget, mark: pass === undefined ? 'info' : pass ? 'pass' : 'miss' };
}

export function renderTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) =>
    [r.workload, r.what, r.figure, r.budget, r.mark].map((c) => c.replace(/\s*\n\s*/g, ' ')),
  );
  const head = ['#', 'workload', 'measured', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Milliseconds with a sensible precision. */
export const ms = (n: number) => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`);
export const pct = (n: number) => `${Math.round(n * 100)}%`;
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A broken benchmark (a wrong answer), as opposed to a slow one: fails the run even with --quick. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`wrong answer: ${message}`);
}
