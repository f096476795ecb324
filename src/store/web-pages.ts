/**
 * The add-in's own pages and assets (task pane, commands, workbench, icons),
 * served by the store so the pane talks to its own origin (DESIGN §3), and the
 * add-in's manifest for this store's public URL at `/manifest.xml`.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
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
  app: FastifyInstance,
  root: string,
  manifest?: ServedManifest,
): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    // Pages change with every deployment; bundles are named per build, so both are revalidated.
    cacheControl: true,
    maxAge: 0,
  });
  if (!manifest) return;
  app.get('/manifest.xml', async (request, reply) => {
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
