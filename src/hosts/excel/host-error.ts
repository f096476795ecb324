/** Errors of the Excel host, with Office.js-like codes as the saved-workbook host uses. */
export type ExcelHostErrorCode = 'ItemNotFound' | 'InvalidArgument';

export class ExcelHostError extends Error {
  readonly code: ExcelHostErrorCode;

  constructor(code: ExcelHostErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExcelHostError';
    this.code = code;
  }
}

/** Whether `error` is what a failed `context.sync()` rejects with, carrying `code`. */
export function hasOfficeCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
