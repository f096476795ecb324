/**
 * The signed-in user: the store URL and token live in the platform's per-user
 * storage (never in the workbook); the workbook only remembers which store it
 * was linked against, so a colleague who opens it is offered the same store.
 */
import type { Role } from '../../core/model';
import type { KeyValueStorage } from '../platform';

const KEY = 'plumbline.session';

export interface Session {
  storeUrl: string;
  token: string;
  user: { id: string; name: string; role: Role };
}

export function loadSession(storage: KeyValueStorage): Session | null {
  const text = storage.get(KEY);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    if (typeof value.storeUrl === 'string' && typeof value.token === 'string' && value.user) {
      return value as Session;
    }
  } catch {
    // A damaged entry is the same as none: the user signs in again.
  }
  storage.remove(KEY);
  return null;
}

/** The user's storage could not keep the sign-in: the user is not signed in. */
export class SessionNotKept extends Error {
  constructor(error: unknown) {
    super(
      `Plumbline could not keep your sign-in (${error instanceof Error ? error.message : String(error)}).`,
    );
    this.name = 'SessionNotKept';
  }
}

/**
 * Keeps the session, resolving once the storage holds it (Apps Script keeps it
 * asynchronously); rejects with {@link SessionNotKept}, having forgotten it,
 * when it cannot: a sign-in that would be gone at the next opening is none.
 */
export async function saveSession(storage: KeyValueStorage, session: Session): Promise<void> {
  storage.set(KEY, JSON.stringify(session));
  try {
    await storage.persisted();
  } catch (error) {
    storage.remove(KEY);
    throw new SessionNotKept(error);
  }
}

export function clearSession(storage: KeyValueStorage): void {
  storage.remove(KEY);
}

/** A store URL as typed (`store.example.com`, trailing slash) made canonical, or an error message. */
export function normaliseStoreUrl(typed: string): { url: string } | { problem: string } {
  const text = typed.trim();
  if (text === '') return { problem: 'Enter the address of your Plumbline store.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: `"${text}" is not a web address. It looks like https://plumbline.example.com.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: 'The store address must start with https://.' };
  }
  return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
