/**
 * Role checks as `preValidation` hooks: they run after the body is read but
 * before the route's schemas check it, so a user without the role learns 403
 * whatever they sent (as when the handlers checked roles first).
 */
import type { FastifyRequest } from 'fastify';
import { requireAdmin, requireLinker } from './auth';
import { currentUser } from './current-user';

export async function adminOnly(request: FastifyRequest): Promise<void> {
  requireAdmin(currentUser(request));
}

export async function linkersOnly(request: FastifyRequest): Promise<void> {
  requireLinker(currentUser(request));
}
