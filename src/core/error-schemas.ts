/**
 * The error body as a schema, for the routes' declared answers and the OpenAPI
 * document. Apart from `errors.ts` so the pane and the client, which throw and
 * read these errors, do not carry zod.
 */
import { z } from 'zod';
import { ERRORS, type ErrorBody, type ErrorCode, type ErrorDetail } from './errors';

/** The codes of the catalog, as a tuple for `z.enum`. */
const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]; // Object.keys loses the key type

export const errorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
}) satisfies z.ZodType<ErrorDetail>;

/** The JSON body of every error answer; the OpenAPI document's error responses are generated from it. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
}) satisfies z.ZodType<ErrorBody>;
