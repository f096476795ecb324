/**
 * The demo publishes its users and tokens (its data is sample data) so the
 * pane can offer "try it on sample data"; a real store never does.
 */
import type { DemoPersona } from '../../../src/core/api';
import { buildApp } from '../../../src/store/app';
import { openTestDb } from '../db/engines';

/** A store on a real socket, asked over HTTP as the pane asks it. */
async function askPersonas(
  demoPersonas: DemoPersona[] | undefined,
): Promise<{ status: number; body: unknown }> {
  const db = await openTestDb('sqlite');
  const app = await buildApp({ db, demoPersonas });
  try {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${url}/v1/demo/personas`);
    return { status: res.status, body: await res.json() };
  } finally {
    await app.close();
    await db.close();
  }
}

const ANA = { id: 'ana', name: 'Ana (Analyst, Claims PMO)', role: 'analyst' as const, token: 'pl_demo_ana' };

describe('GET /v1/demo/personas', () => {
  test('a demo store lists its personas without a token', async () => {
    expect(await askPersonas([ANA])).toEqual({ status: 200, body: { personas: [ANA] } });
  });

  test('any other store has no such route: like every unknown route, it asks for a token', async () => {
    const answer = await askPersonas(undefined);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: expect.objectContaining({ code: 'unauthorized' }) });
  });
});
