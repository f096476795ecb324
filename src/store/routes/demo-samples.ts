import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreApp } from '../app';
import { errorResponses, jsonAnswer } from '../route-schemas';
import { PlumblineError } from '../../core/errors';

/** Public and undocumented, like the pages they sit beside. */
const page = { schema: { hide: true, security: [] } };

const getIndex = {
  schema: {
    ...page.schema,
    response: {
      200: jsonAnswer('The sample workbooks', z.object({ samples: z.array(z.string()) })),
      ...errorResponses('internal'),
    },
  },
};

/**
 * Registered only by `plumbline demo`: the workbench offers the demo's own sample
 * workbooks, written at its start with the months of the demo's calendar, in place
 * of the build's copies of the test fixtures (whose months are fixed). The folder
 * is listed at each request, and only a listed name is ever sent.
 */
export function registerDemoSamplesRoutes(app: StoreApp, folder: string): void {
  const samples = () =>
    readdirSync(folder)
      .filter((f) => f.endsWith('.xlsx'))
      .sort();
  app.get('/samples/index.json', getIndex, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return { samples: samples() };
  });
  app.get('/samples/:file', page, async (request, reply) => {
    const { file } = request.params as { file: string };
    if (!samples().includes(file)) {
      throw new PlumblineError('not_found', `No sample workbook named ${file}.`);
    }
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('cache-control', 'no-cache')
      .send(readFileSync(join(folder, file)));
  });
}
