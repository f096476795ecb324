/**
 * The pane's platform in the Sheets sidebar, over the bridge:
 * - settings in the user's own properties (`PropertiesService`), read all at
 *   once when the sidebar opens and written through (`sheetsStorage`);
 * - the selection asked for on demand: Apps Script sends a sidebar no
 *   selection event;
 * - the store reached through the add-on's `UrlFetchApp` (a sidebar's page
 *   runs on Google's sandbox origin and cannot call the store itself).
 */
import type { HttpRequest, HttpResponse, Transport } from '../../client/store-client';
import type { KeyValueStorage, Platform } from '../../taskpane/platform';
import type { Bridge } from './bridge';

/**
 * The pane reads its storage synchronously and Apps Script's properties answer
 * asynchronously: the cache answers at once, and each write goes to the user's
 * properties in the background, one after the other — `google.script.run`
 * calls may run side by side, and a later value of a key must not land before
 * an earlier one. `persisted()` waits for the writes made so far and rejects
 * with the first that failed since it was last asked (the outbox waits on it
 * before sending, sign-in after keeping the session), so a failed write reaches
 * the user at the next of those; the console gets it at once, for whoever
 * looks at the sidebar's own log.
 */
export async function sheetsStorage(bridge: Bridge): Promise<KeyValueStorage> {
  const cache = new Map(Object.entries(await bridge.plGetSettings()));
  let queue: Promise<void> = Promise.resolve();
  let failures: unknown[] = [];
  const write = (save: () => Promise<void>) => {
    queue = queue.then(save).catch((e: unknown) => {
      failures.push(e);
      console.error('Plumbline could not save a setting', e);
    });
  };
  return {
    get: (key) => cache.get(key) ?? null,
    set: (key, value) => {
      cache.set(key, value);
      write(() => bridge.plSetSetting(key, value));
    },
    remove: (key) => {
      cache.delete(key);
      write(() => bridge.plRemoveSetting(key));
    },
    persisted: async () => {
      await queue;
      const failed = failures;
      failures = [];
      if (failed.length > 0) throw failed[0];
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
