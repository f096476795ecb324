/**
 * Checks what the simulator is asked to load (a {@link WorkbookSnapshot}, or a
 * {@link SimWorkbookState} saved earlier) before it builds a workbook from it.
 * Excel would never open such a workbook, and loading it anyway would hide the
 * mistake: an unknown sheet visibility, a name on a sheet that is not there or
 * a ragged grid used to be dropped or guessed at silently. Every problem is
 * reported at once, each with the path to it (`sheets[1] ("Notes").visibility`).
 */
import { z } from 'zod';
import { MAX_COLUMNS, MAX_ROWS } from '../../core/a1';
import { isValidDefinedName, sheetNameProblem } from '../../core/sheet-reference';
import type { WorkbookSnapshot } from '../../hosts/workbook-snapshot';
import { parseAddress } from './address';
import type { SimWorkbookState } from './workbook-state';

/** A snapshot or state the simulator refuses to load; `problems` lists each with its path. */
export class InvalidWorkbookError extends Error {
  constructor(
    what: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid ${what}: ${problems.join('; ')}`);
    this.name = 'InvalidWorkbookError';
  }
}

const cellValue = z.union([z.string(), z.number(), z.boolean()], {
  error: 'a cell value is a string, a finite number or a boolean',
});

function addProblem(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

/** Sheet names as Excel takes them: valid, and unique whatever their case. */
function checkSheetNames(names: string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const problem = name.trim() === '' ? 'a sheet name has 1 to 31 characters' : sheetNameProblem(name);
    if (problem) addProblem(ctx, ['sheets', i, 'name'], problem);
    if (seen.has(name.toLowerCase())) addProblem(ctx, ['sheets', i, 'name'], 'another sheet has this name');
    seen.add(name.toLowerCase());
  });
}

function checkDefinedName(name: string, taken: Set<string>, path: (string | number)[], ctx: z.RefinementCtx) {
  if (!isValidDefinedName(name)) addProblem(ctx, path, 'not a name Excel accepts');
  if (taken.has(name.toLowerCase())) addProblem(ctx, path, 'another name has this name');
  taken.add(name.toLowerCase());
}

const sheetSnapshot = z
  .object({
    name: z.string(),
    visibility: z.enum(['visible', 'hidden', 'veryHidden']),
    values: z.array(z.array(cellValue)),
    formulas: z.array(z.array(z.string())),
    numberFormats: z.array(z.array(z.string())),
  })
  .superRefine((sheet, ctx) => {
    // Dense grids from A1: formulas and formats cover exactly the cells of `values`.
    for (const key of ['formulas', 'numberFormats'] as const) {
      if (sheet[key].length !== sheet.values.length) {
        addProblem(ctx, [key], `${sheet[key].length} rows where values has ${sheet.values.length}`);
        continue;
      }
      sheet[key].forEach((row, r) => {
        const width = sheet.values[r]!.length;
        if (row.length !== width) addProblem(ctx, [key, r], `${row.length} cells where values has ${width}`);
      });
    }
    sheet.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f !== '' && !f.startsWith('=')) addProblem(ctx, ['formulas', r, c], 'a formula starts with =');
      }),
    );
  });

const snapshotSchema = z
  .object({
    sheets: z.array(sheetSnapshot).min(1, 'a workbook has at least one sheet'),
    names: z.array(z.object({ name: z.string(), sheet: z.string(), address: z.string() })),
  })
  .superRefine((snapshot, ctx) => {
    checkSheetNames(
      snapshot.sheets.map((s) => s.name),
      ctx,
    );
    if (!snapshot.sheets.some((s) => s.visibility === 'visible'))
      addProblem(ctx, ['sheets'], 'a workbook keeps at least one visible sheet');
    const taken = new Set<string>();
    snapshot.names.forEach((n, i) => {
      checkDefinedName(n.name, taken, ['names', i, 'name'], ctx);
      const lower = n.sheet.toLowerCase();
      if (!snapshot.sheets.some((s) => s.name.toLowerCase() === lower))
        addProblem(ctx, ['names', i, 'sheet'], 'no sheet of the snapshot has this name');
      if (!parseAddress(n.address)) addProblem(ctx, ['names', i, 'address'], 'not a range address');
    });
  }) satisfies z.ZodType<WorkbookSnapshot>;

const cellRect = z
  .object({
    top: z.int().min(0),
    left: z.int().min(0),
    bottom: z.int().max(MAX_ROWS - 1),
    right: z.int().max(MAX_COLUMNS - 1),
  })
  .refine((r) => r.top <= r.bottom && r.left <= r.right, 'top-left must come before bottom-right');

const cellPosition = z.object({
  row: z
    .int()
    .min(0)
    .max(MAX_ROWS - 1),
  column: z
    .int()
    .min(0)
    .max(MAX_COLUMNS - 1),
});

/** A 0-based index below `count`: a cell key (row × columns + column), a column, a row. */
const index = (count: number) =>
  z
    .int()
    .min(0)
    .max(count - 1);
/** Column widths or row heights in points, by index. */
const sizes = (count: number) => z.array(z.tuple([index(count), z.number().min(0)]));

const simCell = z.object({
  value: cellValue,
  formula: z.string().optional(),
  error: z.boolean().optional(),
  quotePrefix: z.boolean().optional(),
  numberFormat: z.string().optional(),
  fill: z.string().optional(),
  fontColor: z.string().optional(),
  bold: z.boolean().optional(),
  indent: z.int().min(0).max(250).optional(),
});

const stateSchema = z
  .object({
    name: z.string(),
    activeSheetId: z.string().nullable(),
    selection: z.object({ sheetId: z.string(), rect: cellRect }).nullable(),
    sheets: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          visibility: z.enum(['Visible', 'Hidden', 'VeryHidden']),
          tabColor: z.string(),
          cells: z.array(z.tuple([index(MAX_ROWS * MAX_COLUMNS), simCell])),
          columnWidths: sizes(MAX_COLUMNS),
          rowHeights: sizes(MAX_ROWS),
          conditionalFormats: z.array(
            z.object({
              id: z.string(),
              rect: cellRect,
              type: z.literal('Custom'),
              formula: z.string(),
              fill: z.string().nullable(),
              fontColor: z.string().nullable(),
              bold: z.boolean().nullable(),
              stopIfTrue: z.boolean(),
            }),
          ),
          charts: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              chartType: z.string(),
              source: cellRect,
              seriesBy: z.string(),
              // States saved before charts had titles and places read as charts without them.
              title: z.string().default(''),
              position: z
                .object({ from: cellPosition, to: cellPosition.nullable() })
                .nullable()
                .default(null),
            }),
          ),
        }),
      )
      .min(1, 'a workbook has at least one sheet'),
    names: z.array(
      z.object({
        name: z.string(),
        comment: z.string(),
        visible: z.boolean(),
        target: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('range'), sheetId: z.string(), rect: cellRect }),
          z.object({ kind: z.literal('constant'), value: cellValue }),
          z.object({ kind: z.literal('formula'), formula: z.string() }),
          z.object({ kind: z.literal('ref-error') }),
        ]),
      }),
    ),
  })
  .superRefine((state, ctx) => {
    checkSheetNames(
      state.sheets.map((s) => s.name),
      ctx,
    );
    const ids = new Set<string>();
    state.sheets.forEach((s, i) => {
      if (ids.has(s.id)) addProblem(ctx, ['sheets', i, 'id'], 'another sheet has this id');
      ids.add(s.id);
    });
    if (!state.sheets.some((s) => s.visibility === 'Visible'))
      addProblem(ctx, ['sheets'], 'a workbook keeps at least one visible sheet');
    if (state.activeSheetId !== null && !ids.has(state.activeSheetId))
      addProblem(ctx, ['activeSheetId'], 'no sheet has this id');
    if (state.selection && !ids.has(state.selection.sheetId))
      addProblem(ctx, ['selection', 'sheetId'], 'no sheet has this id');
    const taken = new Set<string>();
    state.names.forEach((n, i) => {
      checkDefinedName(n.name, taken, ['names', i, 'name'], ctx);
      if (n.target.kind === 'range' && !ids.has(n.target.sheetId))
        addProblem(ctx, ['names', i, 'target', 'sheetId'], 'no sheet has this id');
    });
  }) satisfies z.ZodType<SimWorkbookState>;

/** The value at `path` in `input`, for messages. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** `sheets[1] ("Notes").visibility: Invalid option: … (got "secret")`. */
function describeIssue(input: unknown, issue: z.core.$ZodIssue): string {
  let where = '';
  issue.path.forEach((key, i) => {
    where += typeof key === 'number' ? `[${key}]` : `${where === '' ? '' : '.'}${String(key)}`;
    // Name the sheet too: `sheets[3]` alone sends a reader counting.
    if (i === 1 && issue.path[0] === 'sheets') {
      const name = valueAt(input, ['sheets', key, 'name']);
      if (typeof name === 'string') where += ` (${JSON.stringify(name)})`;
    }
  });
  const got = valueAt(input, issue.path);
  const shown = typeof got === 'string' || typeof got === 'number' || typeof got === 'boolean';
  return `${where || '(the whole input)'}: ${issue.message}${shown ? ` (got ${JSON.stringify(got)})` : ''}`;
}

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidWorkbookError(
    what,
    result.error.issues.map((issue) => describeIssue(input, issue)),
  );
}

/** The snapshot, checked; throws {@link InvalidWorkbookError} naming each problem and where it is. */
export function parseWorkbookSnapshot(input: unknown): WorkbookSnapshot {
  return parse(snapshotSchema, input, 'workbook snapshot');
}

/** The saved state, checked; throws {@link InvalidWorkbookError} naming each problem and where it is. */
export function parseWorkbookState(input: unknown): SimWorkbookState {
  return parse(stateSchema, input, 'simulator state');
}
