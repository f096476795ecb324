/** What the objects of one fake spreadsheet share: the execution clock and the spreadsheet itself. */
import type { ExecutionClock } from './execution';
import type { FakeSpreadsheet } from './spreadsheet';

export interface SpreadsheetEnv {
  clock: ExecutionClock;
  spreadsheet(): FakeSpreadsheet;
  /** `Spreadsheet.getSpreadsheetTimeZone()`, e.g. `Etc/UTC` or `Europe/Paris`. */
  timeZone(): string;
}
