/**
 * The routes of a running app, read from fastify's own route tree, so tests that
 * must cover every route (the OpenAPI document, the authorization matrix) fail
 * for a route added later rather than silently skip it.
 */
import { METHODS } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Every route of the app as "METHOD /path", read from fastify's own route tree
 * (`printRoutes`), one tree per method: the tree of all methods shows only one of
 * two wildcard routes (`/*` and the CORS plugin's `*`). One line per node, 4
 * characters of indent per level, a child printing only the part of its path
 * after its parent's.
 */
export function routesOf(app: FastifyInstance): string[] {
  const routes: string[] = [];
  for (const method of METHODS) {
    const parents: string[] = [];
    for (const line of app.printRoutes({ commonPrefix: false, method }).split('\n')) {
      const match = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = (match[1] ?? '').length / 4;
      const path = (parents[depth - 1] ?? '') + (match[2] ?? '');
      parents[depth] = path;
      parents.length = depth + 1;
      if (match[3] !== undefined) routes.push(`${method} ${path}`);
    }
  }
  // fastify adds a HEAD route to every GET route by itself; the document leaves those out.
  return routes.filter((r) => !(r.startsWith('HEAD ') && routes.includes(`GET ${r.slice(5)}`)));
}
