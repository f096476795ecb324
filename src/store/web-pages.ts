/**
 * The add-in's own pages and assets (task pane, commands, workbench, icons),
 * served by the store so the pane talks to its own origin (DESIGN §3).
 */
import fastifyStatic from '@fastify/static';
import type { StoreApp } from './app';

export async function registerWebPages(app: StoreApp, root: string): Promise<void> {
  // `serve: false`: the route below is declared here so its schema can say it is public and undocumented.
  await app.register(fastifyStatic, { root, serve: false });
  app.get(
    '/*',
    // Pages hold no data, so they need no token; they are not part of the API document.
    { schema: { hide: true, security: [] } },
    (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      // Pages change with every deployment: revalidate rather than cache.
      return reply.header('cache-control', 'no-cache').sendFile(path === '' ? 'taskpane.html' : path);
    },
  );
}
