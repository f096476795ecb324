/**
 * Numbers and times as a finance team reads them in the pane: in the KPI's
 * unit, with the precision the value has, never rounded into agreement.
 */
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** `0.738` with unit `%` → `73.8%`; `7.1` days → `7.1 days`; null → `—`. */
export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === '%') return PERCENT.format(value);
  const text = NUMBER.format(value);
  return unit ? `${text} ${unit}` : text;
}

/** An ISO time as a short date, `12 Nov 2026`. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period key as people say it: `2026-10` → `Oct 2026`, `2026-Q3` → `Q3 2026`, `2026-W47` → `W47 2026`. */
export function formatPeriod(key: string | null | undefined): string {
  if (!key) return '—';
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  const part = /^(\d{4})-([QW]\d{1,2})$/.exec(key);
  return part ? `${part[2]} ${part[1]}` : key;
}
