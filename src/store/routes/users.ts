import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createdUserSchema, userInputSchema, userSchema } from '../../core/model';
import type { RouteDeps, StoreApp } from '../app';
import { hashToken, newToken } from '../auth';
import { currentUser } from '../current-user';
import { adminOnly } from '../role-hooks';
import { errorResponses, jsonAnswer, SIGNED_IN, WITH_BODY } from '../route-schemas';

/** `POST /v1/users`: the schemas that check its request and serialize its answers. */
const postUsers = {
  schema: {
    summary: 'Create a user (admin); the token is shown once',
    body: userInputSchema,
    response: {
      201: jsonAnswer('The user with their token, shown only now', createdUserSchema),
      ...errorResponses(...WITH_BODY, 'forbidden', 'user_exists'),
    },
  },
  preValidation: adminOnly,
};

const getUsers = {
  schema: {
    summary: 'List users (never their tokens)',
    response: {
      200: jsonAnswer('Every user', z.object({ users: z.array(userSchema) })),
      ...errorResponses(...SIGNED_IN),
    },
  },
};

const getMe = {
  schema: {
    summary: 'Who the token belongs to',
    response: {
      200: jsonAnswer('The signed-in user (never the token)', userSchema),
      ...errorResponses(...SIGNED_IN),
    },
  },
};

export function registerUserRoutes(app: StoreApp, { db, now }: RouteDeps): void {
  app.post('/v1/users', postUsers, async (request, reply) => {
    const input = request.body;
    const id = input.id ?? randomUUID();
    const token = newToken();
    await db.createUser(
      { id, name: input.name, role: input.role, tokenHash: hashToken(token) },
      now().toISOString(),
    );
    return reply.status(201).send({ id, name: input.name, role: input.role, token });
  });

  app.get('/v1/users', getUsers, async () => ({ users: await db.listUsers() }));

  /** Who the token belongs to: the pane shows it and decides which jobs to offer. */
  app.get('/v1/me', getMe, async (request) => {
    const { id, name, role } = currentUser(request);
    return { id, name, role };
  });
}
