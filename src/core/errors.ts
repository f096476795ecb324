/**
 * The one catalog of error codes, shared by the store (which answers them as
 * `{ error: { code, message, details } }`) and the client and pane (which turn
 * codes into user text). Adding a code here is the only way to add an error.
 */

export const ERRORS = {
  bad_request: { status: 400, message: 'The request could not be read.' },
  validation_failed: { status: 400, message: 'The request does not match the expected shape.' },
  idempotency_key_required: {
    status: 400,
    message: 'An Idempotency-Key header is required for this request.',
  },
  unauthorized: { status: 401, message: 'A valid bearer token is required.' },
  forbidden: { status: 403, message: 'Your role does not allow this.' },
  not_kpi_owner: { status: 403, message: 'Only the owner of a KPI may submit its readings.' },
  not_found: { status: 404, message: 'Not found.' },
  idempotency_conflict: {
    status: 409,
    message: 'This Idempotency-Key was already used with a different request.',
  },
  idempotency_in_progress: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed.',
  },
  user_exists: { status: 409, message: 'A user with this id already exists.' },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  unsupported_media_type: { status: 415, message: 'Send JSON with Content-Type: application/json.' },
  model_invalid: { status: 422, message: 'The model breaks a rule.' },
  unknown_kpi: { status: 422, message: 'The request refers to a KPI that does not exist.' },
  unknown_link: { status: 422, message: 'The request refers to a link that does not exist.' },
  period_mismatch: { status: 422, message: "The period does not match the KPI's cadence." },
  period_in_future: { status: 422, message: 'The period has not started yet.' },
  remediation_required: { status: 422, message: 'A value at risk or off track needs a remediation note.' },
  link_invalid: { status: 422, message: 'The link breaks a rule.' },
  too_many_requests: { status: 429, message: 'Too many failed sign-ins; wait a minute and try again.' },
  internal: { status: 500, message: 'Something went wrong on the server.' },
  /** Never sent by the store: the client's code for a store it could not reach. */
  store_unreachable: { status: 503, message: 'The store cannot be reached.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One problem inside a request, located by a path such as `readings.2.period`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** The JSON body of every error answer (its schema, for the OpenAPI document, is in `error-schemas.ts`). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/** An error that knows its catalog code; thrown by the store, rebuilt by the client. */
export class PlumblineError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[]) {
    super(message ?? ERRORS[code].message);
    this.name = 'PlumblineError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}
