/**
 * The add-in's own pages and assets (task pane, commands, workbench, icons),
 * served by the store so the pane talks to its own origin (DESIGN §3).
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerWebPages(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    // Pages change with every deployment; bundles are named per build, so both are revalidated.
    cacheControl: true,
    maxAge: 0,
  });
}
