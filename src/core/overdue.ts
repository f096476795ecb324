/**
 * When a missing reading becomes overdue (DESIGN §3, `/v1/summary`).
 */
import { addDaysToDay, periodBounds } from './period-key';

/**
 * Days of grace after a period ends before its missing reading is overdue.
 * Why: numbers for a period are usually closed a day or two after it ends
 * (month-end close, the Monday after a week), so the report does not nag on day one.
 */
export const OVERDUE_GRACE_DAYS = 2;

/** The first day (`YYYY-MM-DD`) on which a reading still missing for `period` is overdue. */
export function overdueFrom(period: string): string {
  return addDaysToDay(periodBounds(period).end, OVERDUE_GRACE_DAYS + 1);
}

/**
 * True when `period` has no reading more than 2 days after it ended, as of
 * the calendar day `asOf` (`YYYY-MM-DD`): period end + 2 days < asOf. A month
 * ending 2026-10-31 is not overdue on 2026-11-02 and is overdue on 2026-11-03.
 */
export function isOverdue(period: string, hasReading: boolean, asOf: string): boolean {
  return !hasReading && overdueFrom(period) <= asOf;
}
