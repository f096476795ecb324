import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { userInputSchema } from '../../core/model';
import type { RouteDeps } from '../app';
import { hashToken, newToken, requireAdmin } from '../auth';
import { currentUser } from '../current-user';
import { parseOrThrow } from '../validate';

export function registerUserRoutes(app: FastifyInstance, { db, now }: RouteDeps): void {
  app.post('/v1/users', async (request, reply) => {
    requireAdmin(currentUser(request));
    const input = parseOrThrow(userInputSchema, request.body);
    const id = input.id ?? randomUUID();
    const token = newToken();
    await db.createUser(
      { id, name: input.name, role: input.role, tokenHash: hashToken(token) },
      now().toISOString(),
    );
    return reply.status(201).send({ id, name: input.name, role: input.role, token });
  });

  app.get('/v1/users', async () => ({ users: await db.listUsers() }));

  /** Who the token belongs to: the pane shows it and decides which jobs to offer. */
  app.get('/v1/me', async (request) => {
    const { id, name, role } = currentUser(request);
    return { id, name, role };
  });
}
