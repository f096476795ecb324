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
import type { Transport } from '../../client/store-client';
import type { KeyValueStorage, Platform } from '../../taskpane/platform';
import type { Bridge } from './bridge';

export async function sheetsStorage(bridge: Bridge): Promise<KeyValueStorage> {
  const cache = new Map(Object.entries(await bridge.plGetSettings()));
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

/** The store client's transport: one request per call, sent by the add-on's UrlFetchApp. */
export function bridgeTransport(bridge: Bridge): Transport {
  return async (request) => {
    const [answer] = await bridge.plStoreFetch([request]);
    if (!answer) throw new Error('The add-on sent no answer from the store');
    return answer;
  };
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
