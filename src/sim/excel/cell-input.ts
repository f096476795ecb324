/**
 * What Excel stores when a value is assigned to `Range.values` or
 * `Range.formulas`: the same interpretation as typing into the cell. A string
 * starting with `=` becomes a formula, `'` marks text (and is not stored),
 * numbers, percentages, ISO dates, booleans and error literals typed as
 * strings become numbers, booleans and errors; a cell formatted as text (`@`)
 * keeps whatever string it is given (but still drops a leading `'`). This is
 * why writers must protect text.
 */
import { EXCEL_ERROR_VALUES } from '../../core/cell-value';
import { dayToExcelSerial } from '../../core/excel-date';
import { MAX_CELL_TEXT } from '../../core/excel-limits';
import type { CellValue } from '../../hosts/host';
import { SimError } from './errors';

/** A cell's content without its formats. */
export interface CellContent {
  value: CellValue;
  formula?: string;
  /** The value is an error (`#DIV/0!`), not text that reads like one. */
  error?: boolean;
  /** Typed with a leading `'`: text that Excel would otherwise have read as something else. */
  quotePrefix?: boolean;
  /** The number format Excel gives a General cell when it recognises a percentage or a date. */
  impliedFormat?: string;
}

export const TEXT_FORMAT = '@';

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '' || !/\d/.test(t) || !NUMBER.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** How Excel reads a string typed into a cell with the given number format. */
export function interpretText(text: string, numberFormat: string): CellContent {
  if (text === '') return { value: '' };
  // The prefix is consumed whatever the cell's format, like typing it.
  if (text.startsWith("'")) return { value: text.slice(1), quotePrefix: true };
  if (numberFormat === TEXT_FORMAT) return { value: text };
  if (text.startsWith('=') && text.length > 1) return formulaContent(text);
  const upper = text.trim().toUpperCase();
  if (EXCEL_ERROR_VALUES.has(upper)) return { value: upper, error: true };
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const n = parseNumber(text);
  if (n !== undefined) return { value: n };
  if (/%\s*$/.test(text)) {
    const p = parseNumber(text.replace(/%\s*$/, ''));
    if (p !== undefined) return { value: p / 100, impliedFormat: '0%' };
  }
  const iso = ISO_DATE.exec(text.trim());
  if (iso) {
    const serial = dayToExcelSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== undefined) return { value: serial, impliedFormat: 'yyyy-mm-dd' };
  }
  // Typing `+x`, `-x` or `@x` starts a formula in Excel's grid.
  if (/^[+\-@]./.test(text)) return formulaContent(text.startsWith('@') ? `=${text.slice(1)}` : `=${text}`);
  return { value: text };
}

function formulaContent(formula: string): CellContent {
  const value = evaluateTrivially(formula.slice(1));
  return value === undefined ? { value: '', formula } : { value, formula };
}

/**
 * A value assigned through `Range.values` (or `formulas`, which reads strings
 * the same way); `undefined` for `null`, which leaves the cell as it is.
 */
export function interpretInput(input: unknown, numberFormat: string): CellContent | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new SimError('InvalidArgument', 'A cell value must be a finite number.');
    return { value: input };
  }
  if (typeof input === 'boolean') return { value: input };
  if (typeof input === 'string') {
    const content = interpretText(input, numberFormat);
    // Excel's limit is on what the cell holds: a protecting apostrophe is not counted.
    if (typeof content.value === 'string' && content.value.length > MAX_CELL_TEXT) {
      throw new SimError('InvalidArgument', `A cell holds at most ${MAX_CELL_TEXT} characters.`);
    }
    return content;
  }
  throw new SimError('InvalidArgument', 'A cell value must be a number, a string or a boolean.');
}

/**
 * The simulator has no calculation engine: a new formula made only of
 * numbers, strings, booleans and arithmetic is evaluated, anything else
 * (references, functions) reads as an empty value until a workbook says otherwise.
 */
export function evaluateTrivially(expression: string): CellValue | undefined {
  const text = expression.trim();
  const str = /^"((?:[^"]|"")*)"$/.exec(text);
  if (str) return str[1]!.replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === 'TRUE';
  if (!/^[\d\s.+\-*/^()eE%]+$/.test(text)) return undefined;
  return Arithmetic.evaluate(text);
}

/** A recursive-descent evaluator for `+ - * / ^ ( )` over numbers. */
class Arithmetic {
  private pos = 0;

  private constructor(private readonly text: string) {}

  static evaluate(text: string): number | undefined {
    const parser = new Arithmetic(text.replace(/\s+/g, ''));
    try {
      const value = parser.sum();
      return parser.pos === parser.text.length && Number.isFinite(value) ? value : undefined;
    } catch {
      // Not arithmetic after all (`1e`, `(1`): leave the value to a real calculation.
      return undefined;
    }
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private sum(): number {
    let value = this.product();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.pos++;
      const rhs = this.product();
      value = op === '+' ? value + rhs : value - rhs;
    }
    return value;
  }

  private product(): number {
    let value = this.power();
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.pos++;
      const rhs = this.power();
      value = op === '*' ? value * rhs : value / rhs;
    }
    return value;
  }

  private power(): number {
    let value = this.unary();
    while (this.peek() === '^') {
      this.pos++;
      value = value ** this.unary();
    }
    return value;
  }

  private unary(): number {
    const op = this.peek();
    if (op === '-' || op === '+') {
      this.pos++;
      const v = this.unary();
      return op === '-' ? -v : v;
    }
    return this.atom();
  }

  private atom(): number {
    if (this.peek() === '(') {
      this.pos++;
      const v = this.sum();
      if (this.peek() !== ')') throw new Error('unbalanced');
      this.pos++;
      return this.percent(v);
    }
    const m = /^(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!m) throw new Error('number expected');
    this.pos += m[0].length;
    return this.percent(Number(m[0]));
  }

  private percent(value: number): number {
    let v = value;
    while (this.peek() === '%') {
      this.pos++;
      v /= 100;
    }
    return v;
  }
}
