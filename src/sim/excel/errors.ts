/**
 * Errors the simulated Excel answers with, using Excel's own codes and
 * messages so that the real library raises them as `OfficeExtension.Error`
 * with the same `code` a workbook in Excel would give.
 */

/** Excel's error codes (a subset of `Excel.ErrorCodes`) and their HTTP status in a response. */
export const EXCEL_ERRORS = {
  ItemNotFound: { status: 404, message: "The requested resource doesn't exist." },
  ItemAlreadyExists: { status: 409, message: 'The resource being created already exists.' },
  InvalidArgument: { status: 400, message: 'The argument is invalid or missing or has an incorrect format.' },
  InvalidOperation: { status: 400, message: 'The requested operation is invalid.' },
  InvalidReference: { status: 400, message: 'This reference is not valid for the current operation.' },
  NotImplemented: { status: 501, message: 'The requested feature is not implemented.' },
  GeneralException: { status: 500, message: 'There was an internal error while processing the request.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ExcelErrorCode = keyof typeof EXCEL_ERRORS;

export class SimError extends Error {
  readonly code: ExcelErrorCode;

  constructor(code: ExcelErrorCode, detail?: string) {
    super(detail ? `${EXCEL_ERRORS[code].message} ${detail}` : EXCEL_ERRORS[code].message);
    this.name = 'SimError';
    this.code = code;
  }

  get status(): number {
    return EXCEL_ERRORS[this.code].status;
  }
}

/**
 * Raised while building a response that would exceed Excel on the web's
 * response payload limit; the bridge answers the whole request with Office's
 * error 5104 instead of a body, as Excel does.
 */
export class ResponseTooLargeError extends Error {
  constructor() {
    super('The response payload size has exceeded the limit.');
    this.name = 'ResponseTooLargeError';
  }
}
