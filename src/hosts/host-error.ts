/**
 * The one error class of every spreadsheet host. Codes are Office.js's names
 * (`Excel.ErrorCodes`), so a caller handles a host's own refusal and an error
 * Office.js raised from a failed `context.sync()` alike, by `code`:
 * - `InvalidArgument`: an argument the port refuses (see `port-checks.ts`),
 *   always before anything is written;
 * - `ItemNotFound`: a sheet the call names does not exist;
 * - `AccessDenied`: the host will not write there (the saved-workbook host
 *   writes only Plumbline's own sheets);
 * - `NotImplemented`: the host cannot do this at all (flags in a saved workbook).
 */
export type HostErrorCode = 'InvalidArgument' | 'ItemNotFound' | 'AccessDenied' | 'NotImplemented';

export class HostError extends Error {
  readonly code: HostErrorCode;

  constructor(code: HostErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HostError';
    this.code = code;
  }
}

/** Whether `error` carries `code`: a {@link HostError}, or an `OfficeExtension.Error` from a failed sync. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
