/**
 * What the pane needs of the application it runs in, beyond the spreadsheet
 * port: each entry point (Excel, Google Sheets, the workbench) hands one in, so
 * the pane never touches `Office`, `Excel` or `google.script.run` itself.
 */
import type { RangeRef } from '../hosts/host';

/**
 * Per-user settings that never go into the workbook (the token above all).
 * Reads and writes are immediate for the pane; where the application keeps
 * them asynchronously (Apps Script's user properties), `persisted` is how the
 * pane waits for a write to be kept before it relies on it.
 */
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /**
   * Resolves once every `set` and `remove` made so far is durably kept (at once where the storage is
   * synchronous, like localStorage); rejects when one of them could not be kept.
   */
  persisted(): Promise<void>;
}

/** The user's selection in the sheet. */
export interface SelectionSource {
  /** The selected range now, or null when the selection is not a range of cells. */
  current(): Promise<RangeRef | null>;
  /**
   * Calls `listener` after each change of selection, where the host delivers the
   * event (Excel does); returns the unsubscribe function, or null when the host
   * has no such event and the pane must ask on demand.
   */
  onChange(listener: (range: RangeRef | null) => void): (() => void) | null;
  /** Selects the range and scrolls it into view (go to a cell). */
  select(range: RangeRef): Promise<void>;
}

export type ThemeName = 'light' | 'dark';

export interface Platform {
  /** Shown in messages ("Excel", "Google Sheets"). */
  appName: string;
  storage: KeyValueStorage;
  selection: SelectionSource;
  /** The Office theme (or the browser's preference where there is none). */
  theme: ThemeName;
  /** The store this pane was served by, offered first at sign-in. */
  defaultStoreUrl: string;
  /** Whether a write can be undone in one step by the application (Excel's undo of add-in writes). */
  undoableWrites: boolean;
}
