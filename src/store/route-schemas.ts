/**
 * Pieces every route's schema shares: the error answers (generated from the
 * one catalog of codes) and the shape of a described answer.
 */
import type { z } from 'zod';
import { errorBodySchema } from '../core/error-schemas';
import { ERRORS, type ErrorCode } from '../core/errors';

type ErrorResponse = {
  description: string;
  content: { 'application/json': { schema: typeof errorBodySchema } };
};

/** Every route can fail on the server. */
const ALWAYS: readonly ErrorCode[] = ['internal'];
/** Every route but `/healthz` needs a valid bearer token. */
export const SIGNED_IN: readonly ErrorCode[] = ['unauthorized', ...ALWAYS];
/** A route with a JSON body: unreadable, invalid, too large or not JSON. */
export const WITH_BODY: readonly ErrorCode[] = [
  'bad_request',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  ...SIGNED_IN,
];
/** A route with a query string checked by its schema. */
export const WITH_QUERY: readonly ErrorCode[] = ['validation_failed', ...SIGNED_IN];

/**
 * The error answers of a route, one per HTTP status of `codes`, each saying
 * which codes of the catalog it carries (the pane decides on the code).
 */
export function errorResponses(...codes: ErrorCode[]): Record<number, ErrorResponse> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const { status } = ERRORS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: `Error: ${list.join(', ')}`,
        content: { 'application/json': { schema: errorBodySchema } },
      },
    ]),
  );
}

/** A JSON answer: its schema (which serializes it) and what it is, for the document. */
export function jsonAnswer<T extends z.ZodType>(
  description: string,
  schema: T,
): { description: string; content: { 'application/json': { schema: T } } } {
  return { description, content: { 'application/json': { schema } } };
}

/** An answer of another content type than JSON, for the document (fastify sends it as it is). */
export function otherAnswer<T extends z.ZodType>(
  description: string,
  contentType: string,
  schema: T,
): { description: string; content: Record<string, { schema: T }> } {
  return { description, content: { [contentType]: { schema } } };
}

/**
 * A reply that sends its answer with plain `JSON.stringify`, not its zod
 * schema: for answers of thousands of items that the route built itself from
 * validated input and stored rows, where checking each item again cost more
 * than the request's own work (1 s of a reconcile's 150,000 observations).
 * The route keeps its response schema, which documents the answer and types
 * the handler (so `send` is still checked at compile time); the API tests
 * check answers against it.
 */
export function plainJson<R extends PlainJsonReply>(reply: R): R {
  reply.type('application/json; charset=utf-8');
  reply.serializer((payload) => JSON.stringify(payload));
  return reply;
}

interface PlainJsonReply {
  type(contentType: string): unknown;
  serializer(serialize: (payload: unknown) => string): unknown;
}
