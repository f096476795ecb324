/**
 * The add-in's own pages and assets (task pane, commands, workbench, icons),
 * served by the store so the pane talks to its own origin (DESIGN §3), and the
 * add-in's manifest for this store's public URL at `/manifest.xml`.
 */
import fastifyStatic from '@fastify/static';
import type { StoreApp } from './app';
import { PlumblineError } from '../core/errors';
import { checkPublicUrl, manifestForOrigin } from './addin-manifest';

export interface ServedManifest {
  /** The development manifest (manifest.xml). */
  source: string;
  /**
   * The store's public URL (`PLUMBLINE_PUBLIC_URL`). Without it, the manifest names the
   * origin the request came to, which is right for a store people reach directly
   * (`npm start`) and wrong behind a proxy that terminates https: set it there.
   */
  publicUrl?: string;
}

export async function registerWebPages(
  app: StoreApp,
  root: string,
  manifest?: ServedManifest,
): Promise<void> {
  // `serve: false`: the route below is declared here so its schema can say it is public and undocumented.
  await app.register(fastifyStatic, { root, serve: false });
  // Pages hold no data, so they need no token; they are not part of the API document.
  const page = { schema: { hide: true, security: [] } };
  app.get('/*', page, (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    // Pages change with every deployment: revalidate rather than cache.
    return reply.header('cache-control', 'no-cache').sendFile(path === '' ? 'taskpane.html' : path);
  });
  if (!manifest) return;
  app.get('/manifest.xml', page, async (request, reply) => {
    const url = manifest.publicUrl ?? `${request.protocol}://${request.host}`;
    const checked = checkPublicUrl(url);
    if ('problem' in checked) {
      throw new PlumblineError(
        'not_found',
        `No add-in manifest for ${url}: ${checked.problem} Set PLUMBLINE_PUBLIC_URL to the store's https address.`,
      );
    }
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(manifestForOrigin(manifest.source, checked.origin));
  });
}
