/**
 * `Range.text`: a cell's value as the grid shows it. Only the number formats
 * Plumbline's sheets use are rendered (General, fixed decimals, thousands
 * separators, percentages, ISO dates, text); others fall back to General.
 */
import type { CellValue } from '../../hosts/host';

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const precise = Number(n.toPrecision(10));
  return Math.abs(precise) >= 1e11 || (Math.abs(precise) < 1e-9 && precise !== 0)
    ? precise
        .toExponential(5)
        .replace(/\.?0+e/, 'E')
        .replace('e', 'E')
    : String(precise);
}

function decimalsOf(pattern: string): number {
  const m = /\.(0+)/.exec(pattern);
  return m ? m[1]!.length : 0;
}

function withThousands(fixed: string): string {
  const [int = '', frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

function serialDate(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function cellText(value: CellValue, numberFormat: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = numberFormat.split(';')[0] ?? 'General';
  if (format === 'General' || format === '@') return general(value);
  if (/^yyyy-mm-dd$/i.test(format)) return serialDate(value);
  if (/%$/.test(format)) return `${(value * 100).toFixed(decimalsOf(format))}%`;
  if (/^[#0,]*0(\.0+)?$/.test(format)) {
    const fixed = value.toFixed(decimalsOf(format));
    return format.includes(',') ? withThousands(fixed) : fixed;
  }
  return general(value);
}
