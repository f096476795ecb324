/**
 * The errors fastify answers before a route (or even a request) exists: bytes
 * node's HTTP parser refuses (control characters in headers, smuggling framings,
 * oversized headers) and URLs that cannot be decoded. Answered in the catalog's
 * error format like every other error, never with fastify's own body.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PlumblineError } from '../core/errors';
import { toPlumblineError } from './fastify-errors';

/** For fastify's `clientErrorHandler`: the parser gave up, so the socket gets a raw answer and is closed. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const message =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'The request line or headers are too large.'
      : 'The request is not valid HTTP (framing, or characters not allowed in a header).';
  const body = JSON.stringify(new PlumblineError('bad_request', message).toBody());
  socket.end(
    'HTTP/1.1 400 Bad Request\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** For fastify's `frameworkErrors`: a URL that cannot be decoded, and the like. */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = toPlumblineError(error);
  void reply.status(known.status).send(known.toBody());
}
