/**
 * The pane's platform in the Sheets sidebar, over the bridge:
 * - settings in the user's own properties (`PropertiesService`), read all at
 *   once when the sidebar opens and written through, since the pane reads its
 *   storage synchronously;
 * - the selection asked for on demand: Apps Script sends a sidebar no
 *   selection event;
 * - the store reached through the add-on's `UrlFetchApp` (a sidebar's page
 *   runs on Google's sandbox origin and cannot call the store itself).
 */
import type { HttpRequest, HttpResponse, Transport } from '../../client/store-client';
import type { KeyValueStorage, Platform } from '../../taskpane/platform';
import type { Bridge } from './bridge';

export async function sheetsStorage(bridge: Bridge): Promise<KeyValueStorage> {
  const cache = new Map(Object.entries(await bridge.plGetSettings()));
  // The pane's storage is synchronous and Apps Script's properties are not: a save goes out in the
  // background, and the cache answers at once. A failed save has no screen to go to from here, so it
  // reaches the console only. Known gap: the outbox relies on its entry being kept before it is sent;
  // making KeyValueStorage asynchronous (awaited by the outbox) would close it.
  const report = (e: unknown) => console.error('Plumbline could not save a setting', e);
  return {
    get: (key) => cache.get(key) ?? null,
    set: (key, value) => {
      cache.set(key, value);
      bridge.plSetSetting(key, value).catch(report);
    },
    remove: (key) => {
      cache.delete(key);
      bridge.plRemoveSetting(key).catch(report);
    },
  };
}

interface Pending {
  request: HttpRequest;
  resolve(answer: HttpResponse): void;
  reject(error: unknown): void;
}

/**
 * The store client's transport: the requests the pane makes together (core
 * sends a reconcile's link registrations all at once) leave in one
 * `google.script.run` call, which the add-on sends with one
 * `UrlFetchApp.fetchAll` — one execution and one round trip, not one per request.
 */
export function bridgeTransport(bridge: Bridge): Transport {
  let queue: Pending[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    bridge.plStoreFetch(batch.map((p) => p.request)).then(
      (answers) =>
        batch.forEach((p, i) => {
          const answer = answers[i];
          if (answer) p.resolve(answer);
          else p.reject(new Error('The add-on sent no answer from the store'));
        }),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  };
  return (request) =>
    new Promise<HttpResponse>((resolve, reject) => {
      queue.push({ request, resolve, reject });
      // Everything asked before the page next yields goes in the same batch.
      if (queue.length === 1) setTimeout(flush, 0);
    });
}

export async function sheetsPlatform(bridge: Bridge, dark: boolean): Promise<Platform> {
  return {
    appName: 'Google Sheets',
    storage: await sheetsStorage(bridge),
    selection: {
      current: () => bridge.plCurrentSelection(),
      onChange: () => null,
      select: (range) => bridge.plSelectRange(range),
    },
    theme: dark ? 'dark' : 'light',
    defaultStoreUrl: '',
    undoableWrites: false,
  };
}
