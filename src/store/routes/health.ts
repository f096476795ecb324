import type { z } from 'zod';
import { healthSchema } from '../../core/api';
import type { StoreApp } from '../app';
import { errorResponses, jsonAnswer } from '../route-schemas';

const getHealth = {
  schema: {
    summary: 'Liveness',
    // The one public route: `security: []` is what the server's token check reads, too.
    security: [],
    response: { 200: jsonAnswer('The server is up', healthSchema), ...errorResponses('internal') },
  },
};

export function registerHealthRoute(app: StoreApp): void {
  app.get('/healthz', getHealth, async () => ({ ok: true }) satisfies z.infer<typeof healthSchema>);
}
