/**
 * What an entry point hands the pane: the spreadsheet port, a way to reach
 * the store, and the platform. The pane never imports a host implementation.
 */
import type { StoreClient } from '../client/store-client';
import type { DemoPersona } from '../core/api';
import type { SpreadsheetHost } from '../hosts/host';
import type { Platform } from './platform';

export type Job = 'link' | 'submit' | 'reconcile' | 'summary';

export interface PaneDeps {
  host: SpreadsheetHost;
  platform: Platform;
  /** A store client for a URL and token (fetch in a browser, UrlFetchApp in Sheets). */
  connect(storeUrl: string, token: string): StoreClient;
  /**
   * The demo store's users, asked the way `connect` reaches the store; absent where the page may
   * `fetch` the store itself. (A Sheets sidebar may not: it runs on Google's sandbox origin.)
   */
  demoPersonas?(storeUrl: string): Promise<DemoPersona[]>;
  /** The job to open on, where the application chose one (a menu item of the Sheets add-on). */
  initialJob?: Job;
  /**
   * Opens the store's live events (`/v1/events`), calling `onReading` when readings land and
   * `onReconnect` after a lost connection (events may have been missed). Returns the closer.
   * Absent where the host cannot hold a connection open.
   */
  subscribe?(
    storeUrl: string,
    token: string,
    handlers: { onReadings(): void; onReconnect(): void },
  ): () => void;
}
