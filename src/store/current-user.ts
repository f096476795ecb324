import type { FastifyRequest } from 'fastify';
import { PlumblineError } from '../core/errors';
import type { User } from '../core/model';

/** The authenticated user; every non-public route has one (the onRequest hook saw to it). */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new PlumblineError('unauthorized');
  return request.user;
}
