import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createdUserSchema, userInputSchema, userSchema } from '../../core/model';
import type { RouteDeps, StoreApp } from '../app';
import { BODY_LIMITS } from '../body-limits';
import { hashToken, newToken, revokedTokenHash } from '../auth';
import { currentUser } from '../current-user';
import { adminOnly } from '../role-hooks';
import { PlumblineError } from '../../core/errors';
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
  bodyLimit: BODY_LIMITS.user,
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

/** Any text: an id that is no user's is a 404, like any unknown resource. */
const userParams = z.object({ id: z.string() });

/** `DELETE /v1/users/:id/token`: the user keeps their readings and role, their token stops working. */
const deleteToken = {
  schema: {
    summary: "Revoke a user's token (admin); they cannot sign in until it is rotated",
    params: userParams,
    response: {
      200: jsonAnswer(
        'The user, whose token no longer works',
        userSchema.extend({ revoked: z.literal(true) }),
      ),
      ...errorResponses(...SIGNED_IN, 'forbidden', 'not_found'),
    },
  },
  preValidation: adminOnly,
};

/** `POST /v1/users/:id/token`: a new token, shown once; the old one stops working at once. */
const postToken = {
  schema: {
    summary: "Rotate a user's token (admin); the new one is shown once",
    params: userParams,
    response: {
      201: jsonAnswer('The user with their new token, shown only now', createdUserSchema),
      ...errorResponses(...SIGNED_IN, 'forbidden', 'not_found'),
    },
  },
  preValidation: adminOnly,
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

  app.delete('/v1/users/:id/token', deleteToken, async (request) => {
    const user = await db.setUserTokenHash(request.params.id, revokedTokenHash());
    if (!user) throw new PlumblineError('not_found', `No user "${request.params.id}".`);
    return { ...user, revoked: true as const };
  });

  app.post('/v1/users/:id/token', postToken, async (request, reply) => {
    const token = newToken();
    const user = await db.setUserTokenHash(request.params.id, hashToken(token));
    if (!user) throw new PlumblineError('not_found', `No user "${request.params.id}".`);
    return reply.status(201).send({ ...user, token });
  });

  app.get('/v1/users', getUsers, async () => ({ users: await db.listUsers() }));

  /** Who the token belongs to: the pane shows it and decides which jobs to offer. */
  app.get('/v1/me', getMe, async (request) => {
    const { id, name, role } = currentUser(request);
    return { id, name, role };
  });
}
