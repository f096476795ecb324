/**
 * The pane's platform inside Excel: per-user storage partitioned as Office
 * asks, the selection through the Excel API (with its selection event), and
 * the Office theme.
 */
import { parseSheetReference } from '../../core/sheet-reference';
import type { KeyValueStorage, Platform, SelectionSource, ThemeName } from '../../taskpane/platform';
import type { RangeRef } from '../host';
import type { ExcelRequestContext, ExcelRun } from './excel-types';

/** What the pane reads of `Office.context` (a structural subset of office.d.ts). */
export interface OfficeContextSubset {
  partitionKey?: string;
  officeTheme?: { bodyBackgroundColor?: string };
  requirements?: { isSetSupported(name: string, version?: string): boolean };
}

/**
 * localStorage, partitioned by `Office.context.partitionKey` where Office gives one
 * (Excel on the web isolates add-ins that way; without the prefix two tenants would share keys).
 */
export function partitionedStorage(storage: Storage, partitionKey: string | undefined): KeyValueStorage {
  const prefix = partitionKey ? `${partitionKey}/` : '';
  return {
    get: (key) => storage.getItem(prefix + key),
    set: (key, value) => storage.setItem(prefix + key, value),
    remove: (key) => storage.removeItem(prefix + key),
    // localStorage writes synchronously: what was set is kept when setItem returns (or it threw).
    persisted: () => Promise.resolve(),
  };
}

/** Dark when the Office theme's background is dark (luminance under one half). */
export function themeOf(office: OfficeContextSubset | undefined): ThemeName {
  const background = office?.officeTheme?.bodyBackgroundColor;
  const m = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background) : null;
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}

/** `'Ops KPIs'!C5:N7` as Excel reports a selection, split into sheet and address. */
export function rangeOfAddress(address: string): RangeRef | null {
  const ref = parseSheetReference(address.startsWith('=') ? address : `=${address}`);
  return ref ? { sheet: ref.sheet, address: ref.address } : null;
}

/** Selection events need ExcelApi 1.2 (`Workbook.onSelectionChanged`); checked at run time. */
export function excelSelection(run: ExcelRun, eventsSupported: boolean): SelectionSource {
  const current = () =>
    run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      return rangeOfAddress(range.address);
    });
  return {
    current,
    select: (ref) =>
      run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem(ref.sheet);
        sheet.activate();
        sheet.getRange(ref.address).select();
        await ctx.sync();
      }),
    onChange(listener) {
      if (!eventsSupported) return null;
      let remove: (() => Promise<void>) | null = null;
      let closed = false;
      void run(async (ctx: ExcelRequestContext & { workbook: { onSelectionChanged?: SelectionEvent } }) => {
        const event = ctx.workbook.onSelectionChanged;
        if (!event) return;
        // The event says only that the selection moved (ExcelApi 1.2): ask where it is now.
        const handler = event.add(async () => listener(await current()));
        await ctx.sync();
        remove = async () => {
          handler.remove();
          await ctx.sync();
        };
        if (closed) await remove();
      });
      return () => {
        closed = true;
        void remove?.();
      };
    },
  };
}

interface SelectionEvent {
  add(handler: () => Promise<void>): { remove(): void };
}

export function officePlatform(
  run: ExcelRun,
  office: OfficeContextSubset | undefined,
  origin: string,
): Platform {
  return {
    appName: 'Excel',
    storage: partitionedStorage(window.localStorage, office?.partitionKey),
    selection: excelSelection(run, office?.requirements?.isSetSupported('ExcelApi', '1.2') ?? false),
    theme: themeOf(office),
    defaultStoreUrl: origin,
    undoableWrites: false,
  };
}
