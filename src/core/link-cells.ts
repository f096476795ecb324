/**
 * Which period and KPI each cell of a link holds: the layout rules of a link
 * (DESIGN §2 "Link"), used when a link is made (to refuse one that does not
 * fit) and at every reconcile (headers may have been retyped since).
 */
import type { Layout } from './api';
import { cellA1, parseA1, rectA1, rectSize, type CellRect } from './a1';
import type { Orientation } from './link-format';
import type { Kpi } from './model';
import { isPeriodKey } from './period-key';
import { parsePeriodLabel } from './period-labels';

/** A header cell as a host reads it. */
export interface HeaderCell {
  value: string | number | boolean;
  numberFormat?: string;
}

export interface LinkShape {
  /** The values range, A1 without the sheet. */
  values: string;
  /** The period header range, or undefined with a fixed `period`. */
  periods?: string;
  period?: string;
  /** The KPIs in the order of the rows (or columns) of the values range. */
  kpis: readonly Pick<Kpi, 'id' | 'cadence'>[];
  fiscalYearStartMonth?: number;
}

export interface LinkedCell {
  kpiId: string;
  period: string;
  /** 0-based position inside the values range. */
  row: number;
  column: number;
  /** A1 address of the cell on its sheet. */
  address: string;
}

export type LinkCellsResult =
  | { ok: true; layout: Layout; orientation: Orientation; cells: LinkedCell[] }
  | { ok: false; problems: string[] };

const fail = (...problems: string[]): LinkCellsResult => ({ ok: false, problems });

/**
 * The cells of a link and their KPI and period. `header` is the header
 * range's cells, row by row, as the host read them (ignored with a fixed period).
 */
export function linkCells(
  shape: LinkShape,
  header: readonly (readonly HeaderCell[])[] = [],
): LinkCellsResult {
  const values = parseA1(shape.values);
  if (!values) return fail(`"${shape.values}" is not a range like C5:N5.`);
  if (shape.kpis.length === 0) return fail('Name at least one KPI.');
  if (shape.period !== undefined) return fixedPeriodCell(shape, values);
  if (shape.periods === undefined) return fail('Give the header range of periods, or one fixed period.');
  const periods = parseA1(shape.periods);
  if (!periods) return fail(`"${shape.periods}" is not a range like C4:N4.`);

  const size = rectSize(values);
  const headerSize = rectSize(periods);
  const orientation: Orientation | undefined =
    headerSize.rows === 1 && periods.left === values.left && periods.right === values.right
      ? 'rows'
      : headerSize.columns === 1 && periods.top === values.top && periods.bottom === values.bottom
        ? 'columns'
        : undefined;
  if (!orientation) {
    return fail(
      `The header ${shape.periods} must be one row spanning the same columns as ${shape.values}, ` +
        `or one column spanning the same rows.`,
    );
  }
  const kpiCount = orientation === 'rows' ? size.rows : size.columns;
  if (kpiCount !== shape.kpis.length) {
    const along = orientation === 'rows' ? 'row' : 'column';
    return fail(
      `${shape.values} has ${kpiCount} ${along}${kpiCount === 1 ? '' : 's'} of values but ${shape.kpis.length} KPI${shape.kpis.length === 1 ? ' was' : 's were'} named: name one KPI per ${along}, in order.`,
    );
  }

  const labels = (orientation === 'rows' ? (header[0] ?? []) : header.map((row) => row[0]!)).slice(
    0,
    orientation === 'rows' ? size.columns : size.rows,
  );
  const headerCellAddress = (i: number) =>
    orientation === 'rows' ? cellA1(periods.top, periods.left + i) : cellA1(periods.top + i, periods.left);

  const problems: string[] = [];
  const cells: LinkedCell[] = [];
  // Each header label is read once per cadence, not once per KPI: a block of
  // 1,000 KPIs shares its header.
  const parsedLabels = new Map<string, ReturnType<typeof parsePeriodLabel>>();
  shape.kpis.forEach((kpi, k) => {
    const seen = new Map<string, string>();
    labels.forEach((label, i) => {
      const where = headerCellAddress(i);
      if (label === undefined || label.value === '') {
        if (k === 0)
          problems.push(`Header cell ${where} is empty: every value needs a period above (or beside) it.`);
        return;
      }
      const labelKey = `${i}|${kpi.cadence}`;
      let parsed = parsedLabels.get(labelKey);
      if (!parsed) {
        parsed = parsePeriodLabel(label.value, kpi.cadence, {
          fiscalYearStartMonth: shape.fiscalYearStartMonth ?? 1,
          numberFormat: label.numberFormat,
        });
        parsedLabels.set(labelKey, parsed);
      }
      if (!parsed.ok) {
        problems.push(
          `${kpi.id} is reported every ${kpi.cadence}, but header cell ${where} does not fit: ${parsed.reason}`,
        );
        return;
      }
      const twin = seen.get(parsed.period);
      if (twin) {
        problems.push(`Header cells ${twin} and ${where} are both ${parsed.period} for ${kpi.id}.`);
        return;
      }
      seen.set(parsed.period, where);
      const row = orientation === 'rows' ? k : i;
      const column = orientation === 'rows' ? i : k;
      cells.push({
        kpiId: kpi.id,
        period: parsed.period,
        row,
        column,
        address: cellA1(values.top + row, values.left + column),
      });
    });
  });
  if (problems.length > 0) return { ok: false, problems: firstPerKpi(problems) };
  const layout: Layout = shape.kpis.length === 1 ? 'series' : 'grid';
  return { ok: true, layout, orientation, cells };
}

function fixedPeriodCell(shape: LinkShape, values: CellRect): LinkCellsResult {
  const size = rectSize(values);
  const kpi = shape.kpis[0]!;
  if (size.rows !== 1 || size.columns !== 1 || shape.kpis.length !== 1) {
    return fail(
      `A fixed period links one cell to one KPI; ${rectA1(values)} is ${size.rows}×${size.columns} with ${shape.kpis.length} KPI(s). Give a header range for more.`,
    );
  }
  if (!isPeriodKey(shape.period!, kpi.cadence)) {
    return fail(
      `${shape.period} is not a ${kpi.cadence} period key (${kpi.id} is reported every ${kpi.cadence}); use e.g. ${EXAMPLE_KEYS[kpi.cadence]}.`,
    );
  }
  return {
    ok: true,
    layout: 'cell',
    orientation: 'rows',
    cells: [{ kpiId: kpi.id, period: shape.period!, row: 0, column: 0, address: rectA1(values) }],
  };
}

const EXAMPLE_KEYS = { week: '2026-W47', month: '2026-11', quarter: '2026-Q4', year: '2026' } as const;

/** A header of twelve months on a weekly KPI is one mistake, not twelve: keep each KPI's first. */
function firstPerKpi(problems: string[]): string[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = p.split(' ')[0] ?? p;
    if (p.startsWith('Header cell')) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
