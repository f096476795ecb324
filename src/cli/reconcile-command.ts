import type { CellVerdict } from '../core/reconcile';
import { reconcileWorkbook } from '../core/reconcile-workbook';
import { WorkbookLinkError } from '../core/workbook-access';
import { PlumblineError } from '../core/errors';
import { LinkFormatError } from '../core/link-format';
import { CliError } from './cli-error';
import { parseOptions } from './options';
import { storeClientFrom } from './store-options';
import { openWorkbookFile, unreadableWorkbook } from './workbook-file';

/**
 * Reports every linked cell's verdict and records the observations. Exit 0
 * when nothing diverges, 1 when a cell does, 2 on error. Never writes the file.
 */
export async function runReconcile(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    server: { type: 'string' },
    token: { type: 'string' },
    json: { type: 'boolean' },
  });
  const store = storeClientFrom(values, 'reconcile');
  const workbook = await openWorkbookFile(positionals[0]);
  try {
    const result = await reconcileWorkbook(workbook, store);
    if (values.json) {
      console.log(JSON.stringify(result.cells.map(toJson), null, 2));
    } else {
      printReport(result.workbook.name, result.links, result.cells);
    }
    return result.cells.some((c) => c.verdict === 'diverged') ? 1 : 0;
  } catch (error) {
    if (error instanceof WorkbookLinkError) throw new CliError(error.problems.join('\n  '));
    if (error instanceof PlumblineError) throw new CliError(`the store refused: ${error.message}`);
    // The _plumbline rows are not what Plumbline wrote (edited by hand, or by a newer version).
    if (error instanceof LinkFormatError) throw new CliError(error.message);
    throw unreadableWorkbook(positionals[0]!, error) ?? error;
  }
}

function toJson(c: CellVerdict) {
  return {
    kpiId: c.kpiId,
    period: c.period,
    sheet: c.sheet,
    address: c.address,
    local: c.local,
    canonical: c.canonical,
    verdict: c.verdict,
    revision: c.revision,
    submittedBy: c.submittedBy,
    submittedAt: c.submittedAt,
    ...(c.unreadable ? { cell: c.cell, unreadable: c.unreadable } : {}),
  };
}

const ORDER = ['diverged', 'unreadable', 'local-only', 'canonical-only', 'match'] as const;

function printReport(name: string, links: number, cells: CellVerdict[]): void {
  if (links === 0) {
    console.log(`${name} has no Plumbline links yet (link ranges with \`plumbline link\`).`);
    return;
  }
  const counts = ORDER.map((v) => [v, cells.filter((c) => c.verdict === v).length] as const).filter(
    ([, n]) => n > 0,
  );
  console.log(
    `${name}: ${links} link(s), ${cells.length} cells — ${counts.map(([v, n]) => `${n} ${v}`).join(', ')}`,
  );
  const notable = cells
    .filter((c) => c.verdict !== 'match')
    .sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
  for (const c of notable) {
    const local = c.unreadable ? `"${String(c.cell)}" (${c.unreadable})` : withCell(c);
    const truth =
      c.canonical === null
        ? 'none'
        : `${fmt(c.canonical)} (rev ${c.revision}, ${c.submittedBy}, ${c.submittedAt?.slice(0, 10)})`;
    console.log(
      `  ${c.verdict.toUpperCase().padEnd(14)} ${`${c.sheet}!${c.address}`.padEnd(16)} ${c.kpiId} ${c.period}: local ${local}, canonical ${truth}`,
    );
  }
}

/** The local value in the KPI's unit, and the cell as typed when a scale changed it (74 points → 0.74). */
function withCell(c: CellVerdict): string {
  const typed = String(c.cell);
  if (typed.trim() === '' || typed === String(c.local)) return fmt(c.local);
  return c.local === null ? `blank (cell: "${typed}")` : `${c.local} (cell: ${typed})`;
}

function fmt(value: number | null): string {
  return value === null ? 'blank' : String(value);
}
