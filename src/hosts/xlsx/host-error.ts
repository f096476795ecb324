/**
 * Errors of the saved-workbook host. Codes are Office.js's names so a caller
 * handles every host alike; `AccessDenied` is this host's own refusal to write
 * into the user's sheets, which it can only do by re-serialising parts it
 * promises to leave byte for byte as they were.
 */

/** Error codes as Office.js names them, so callers handle every host alike. */
export type XlsxHostErrorCode = 'ItemNotFound' | 'InvalidArgument' | 'AccessDenied' | 'NotImplemented';

export class XlsxHostError extends Error {
  readonly code: XlsxHostErrorCode;

  constructor(code: XlsxHostErrorCode, message: string) {
    super(message);
    this.name = 'XlsxHostError';
    this.code = code;
  }
}

export function refusal(sheet: string): XlsxHostError {
  return new XlsxHostError(
    'AccessDenied',
    `saved-workbook host writes only Plumbline's own sheets; open the workbook in Excel or Sheets to write into '${sheet}'`,
  );
}
