import { z } from 'zod';
import { demoPersonaSchema, type DemoPersona } from '../../core/api';
import type { StoreApp } from '../app';
import { errorResponses, jsonAnswer } from '../route-schemas';

const getPersonas = {
  schema: {
    summary: "The demo's users and their tokens (only on `plumbline demo`: its data is sample data)",
    // Public on purpose: the pane offers "try it on sample data" before anyone has a token.
    security: [],
    response: {
      200: jsonAnswer('Who to try Plumbline as', z.object({ personas: z.array(demoPersonaSchema) })),
      ...errorResponses('internal'),
    },
  },
};

/** Registered only by `plumbline demo`; a real store has no such route. */
export function registerDemoPersonasRoute(app: StoreApp, personas: DemoPersona[]): void {
  app.get('/v1/demo/personas', getPersonas, async () => ({ personas }));
}
