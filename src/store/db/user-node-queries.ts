/** Users and the model's nodes. */
import { sql, type Kysely } from 'kysely';
import { PlumblineError } from '../../core/errors';
import type { ModelNode } from '../../core/model';
import { chunks, IDS_PER_QUERY, ROWS_PER_INSERT } from './chunks';
import type { StoreDb } from './repository';
import { toUser } from './rows';
import type { Database, Engine } from './schema';
import { isUniqueViolation } from './sql-errors';

type UserNodeQueries = Pick<
  StoreDb,
  | 'countUsers'
  | 'createUser'
  | 'findUserByTokenHash'
  | 'setUserTokenHash'
  | 'listUsers'
  | 'listNodes'
  | 'listNodesByIds'
  | 'upsertNodes'
>;

export function createUserNodeQueries(db: Kysely<Database>, engine: Engine): UserNodeQueries {
  return {
    countUsers: async () => {
      // count(*) is a bigint on PostgreSQL, which pg hands back as a string.
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    createUser: async (user, now) => {
      try {
        await db
          .insertInto('users')
          .values({
            id: user.id,
            name: user.name,
            role: user.role,
            token_hash: user.tokenHash,
            created_at: now,
          })
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) {
          const taken = await db
            .selectFrom('users')
            .select('id')
            .where('id', '=', user.id)
            .executeTakeFirst();
          if (taken) throw new PlumblineError('user_exists', `A user with id "${user.id}" already exists.`);
        }
        throw error;
      }
    },

    findUserByTokenHash: async (tokenHash) => {
      const row = await db
        .selectFrom('users')
        .select(['id', 'name', 'role', 'token_hash'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? { ...toUser(row), tokenHash: row.token_hash } : undefined;
    },

    setUserTokenHash: async (id, tokenHash) => {
      const row = await db
        .updateTable('users')
        .set({ token_hash: tokenHash })
        .where('id', '=', id)
        .returning(['id', 'name', 'role'])
        .executeTakeFirst();
      return row ? toUser(row) : undefined;
    },

    listUsers: async () => {
      const rows = await db.selectFrom('users').select(['id', 'name', 'role']).orderBy('id').execute();
      return rows.map(toUser);
    },

    listNodes: async () => {
      const rows = await db.selectFrom('nodes').select('data').orderBy('position').orderBy('id').execute();
      return rows.map((row) => {
        // Written by upsertNodes from validated nodes.
        const node: ModelNode = JSON.parse(row.data);
        return node;
      });
    },

    listNodesByIds: async (ids) => {
      const out: ModelNode[] = [];
      for (const part of chunks([...new Set(ids)], IDS_PER_QUERY)) {
        const rows = await db.selectFrom('nodes').select('data').where('id', 'in', part).execute();
        // Written by upsertNodes from validated nodes.
        for (const row of rows) out.push(JSON.parse(row.data) as ModelNode);
      }
      return out;
    },

    upsertNodes: async (nodes, now) => {
      // The same id twice in one batch: the last one wins, at the place of the first.
      const byId = new Map<string, ModelNode>();
      for (const node of nodes) byId.set(node.id, node);
      const batch = [...byId.values()];

      await db.transaction().execute(async (trx) => {
        if (engine === 'postgres') {
          // Two concurrent upserts must not hand out the same positions. This mode
          // blocks other writers of nodes but neither readers nor the foreign key
          // checks of readings being submitted meanwhile.
          await sql`lock table nodes in share row exclusive mode`.execute(trx);
        }
        const existing = new Set<string>();
        for (const ids of chunks([...byId.keys()], IDS_PER_QUERY)) {
          const rows = await trx.selectFrom('nodes').select('id').where('id', 'in', ids).execute();
          for (const row of rows) existing.add(row.id);
        }
        const last = await trx
          .selectFrom('nodes')
          .select((eb) => eb.fn.max('position').as('max'))
          .executeTakeFirst();
        let position = last?.max ?? 0;

        const rows = batch.map((node) => ({
          id: node.id,
          kind: node.kind,
          name: node.name,
          parent_id: node.parentId ?? null,
          // Ignored on conflict: an existing node keeps its place.
          position: existing.has(node.id) ? 0 : ++position,
          data: JSON.stringify(node),
          updated_at: now,
        }));
        for (const part of chunks(rows, ROWS_PER_INSERT)) {
          await trx
            .insertInto('nodes')
            .values(part)
            .onConflict((oc) =>
              oc.column('id').doUpdateSet((eb) => ({
                kind: eb.ref('excluded.kind'),
                name: eb.ref('excluded.name'),
                parent_id: eb.ref('excluded.parent_id'),
                data: eb.ref('excluded.data'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
      });
    },
  };
}
