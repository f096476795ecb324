/**
 * Maps fastify's own errors (body parsing, limits, schema validation) onto the
 * catalog, so every error answer has the same `{ error: { code, message, details? } }` shape.
 */
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, PlumblineError } from '../core/errors';

export function toPlumblineError(error: FastifyError): PlumblineError {
  if (error instanceof PlumblineError) return error;
  const invalid = validationError(error);
  if (invalid) return invalid;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new PlumblineError('payload_too_large', ERRORS.payload_too_large.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new PlumblineError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new PlumblineError('bad_request', 'The request body is empty; send JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new PlumblineError('bad_request', `The request body is not valid JSON: ${error.message}`);
  }
  if (error instanceof SyntaxError)
    return new PlumblineError('bad_request', `The request body is not valid JSON: ${error.message}`);
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new PlumblineError('bad_request', error.message);
  }
  return new PlumblineError('internal');
}

/** How each part of a request is named in the message of `validation_failed`. */
const PART_NAMES: Record<string, string> = {
  body: 'request body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/**
 * A request refused by a route's zod schema: `validation_failed` with one
 * `{ path, message }` per problem, as when the handlers parsed requests themselves.
 */
function validationError(error: FastifyError): PlumblineError | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const part = PART_NAMES[error.validationContext ?? 'body'] ?? 'request';
  return new PlumblineError(
    'validation_failed',
    `The ${part} does not match the expected shape.`,
    error.validation.map((issue) => ({
      // The type provider writes zod's path as "/readings/0/value"; details say "readings.0.value".
      path: issue.instancePath.slice(1).replaceAll('/', '.'),
      message: issue.message ?? 'is not valid',
    })),
  );
}
