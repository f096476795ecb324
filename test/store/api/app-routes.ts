/**
 * The routes of a running app, read from fastify's own route tree, so tests that
 * must cover every route (the OpenAPI document, the authorization matrix) fail
 * for a route added later rather than silently skip it.
 */
import type { FastifyInstance } from 'fastify';

/**
 * Every route of the app as "METHOD /path", read from fastify's own route tree
 * (`printRoutes`): one line per node, 4 characters of indent per level, a child
 * printing only the part of its path after its parent's.
 */
export function routesOf(app: FastifyInstance): string[] {
  const parents: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (parents[depth - 1] ?? '') + (match[2] ?? '');
    parents[depth] = path;
    parents.length = depth + 1;
    const methods = (match[3] ?? '').split(', ').filter((m) => m !== '');
    for (const method of methods) {
      // fastify adds a HEAD route to every GET route by itself; the document leaves those out.
      if (method === 'HEAD' && methods.includes('GET')) continue;
      routes.push(`${method} ${path}`);
    }
  }
  return routes;
}
