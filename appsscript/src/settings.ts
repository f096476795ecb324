/**
 * The pane's per-user settings (store URL, token, the outbox) in the user's
 * own properties: never in the spreadsheet, which others can open.
 * https://developers.google.com/apps-script/reference/properties/properties-service#getuserproperties
 * A property holds at most 9 KB ("Property value size: 9 KB / val",
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations),
 * and an outbox of many readings is more: a longer value is kept in parts
 * (`plumbline.<key>`, then `plumbline.<key>#2`, `#3` …), written in one call
 * and read back whole.
 */
import { HostError } from '../../src/hosts/host-error';

const PREFIX = 'plumbline.';
const PART = '#';
/** Bytes of UTF-8 in one part: under the 9 KB limit. */
export const MAX_PART_BYTES = 9000;

function utf8Bytes(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** `value` cut into parts of at most MAX_PART_BYTES, never inside a character. */
export function splitValue(value: string): string[] {
  const parts: string[] = [];
  let part = '';
  let size = 0;
  for (const char of value) {
    const n = utf8Bytes(char.codePointAt(0)!);
    if (size + n > MAX_PART_BYTES) {
      parts.push(part);
      part = '';
      size = 0;
    }
    part += char;
    size += n;
  }
  parts.push(part);
  return parts;
}

const partKey = (key: string, index: number) => (index === 0 ? key : `${key}${PART}${index + 1}`);

/** The settings among `all` (every user property), each value put back together from its parts. */
function settingsOf(all: Record<string, string>): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(PREFIX) || k.includes(PART)) continue;
    let value = v;
    for (let i = 1; all[partKey(k, i)] !== undefined; i++) value += all[partKey(k, i)];
    settings[k.slice(PREFIX.length)] = value;
  }
  return settings;
}

/** All of Plumbline's settings of this user, so the sidebar reads them in one call when it opens. */
export function getSettings(): Record<string, string> {
  return settingsOf(PropertiesService.getUserProperties().getProperties());
}

export function getSetting(key: string): string | null {
  return getSettings()[key] ?? null;
}

/** The parts of `key` beyond its first `keep`. */
function extraParts(all: Record<string, string>, key: string, keep: number): string[] {
  const extra: string[] = [];
  for (let i = keep; all[partKey(key, i)] !== undefined; i++) extra.push(partKey(key, i));
  return extra;
}

export function setSetting(key: string, value: string): void {
  if (key.includes(PART)) throw new HostError('InvalidArgument', `A setting's name has no '${PART}': ${key}`);
  const store = PropertiesService.getUserProperties();
  const parts = splitValue(value);
  const stale = extraParts(store.getProperties(), PREFIX + key, parts.length);
  store.setProperties(Object.fromEntries(parts.map((p, i) => [partKey(PREFIX + key, i), p])));
  for (const k of stale) store.deleteProperty(k);
}

export function removeSetting(key: string): void {
  const store = PropertiesService.getUserProperties();
  for (const k of extraParts(store.getProperties(), PREFIX + key, 0)) store.deleteProperty(k);
}
