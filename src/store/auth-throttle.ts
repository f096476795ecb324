/**
 * Rate limiting of failed authentication, per client address: after
 * `maxFailures` failed sign-ins within `windowMs`, requests from that address
 * are refused with 429 before their token is even looked up, until the window
 * has passed. Tokens are 256-bit random, so this is not about guessing them:
 * it keeps a misbehaving script or a scanner from costing a database lookup
 * and a log line per request. In memory, per process (each API process counts
 * its own); behind a proxy, the address is the client's only with trustProxy.
 */
import { PlumblineError } from '../core/errors';

export interface AuthThrottleOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_AUTH_THROTTLE: AuthThrottleOptions = { maxFailures: 30, windowMs: 60_000 };

/** Beyond this many addresses, expired entries are swept on the next failure. */
const SWEEP_AT = 10_000;

export interface AuthThrottle {
  /** Throws 429 `too_many_requests` while the address is over its limit. */
  check(address: string): void;
  /** Counts a failed authentication from the address. */
  fail(address: string): void;
}

export function createAuthThrottle(options: AuthThrottleOptions): AuthThrottle {
  const now = options.now ?? Date.now;
  const failures = new Map<string, { count: number; since: number }>();

  const current = (address: string) => {
    const entry = failures.get(address);
    if (entry && now() - entry.since >= options.windowMs) {
      failures.delete(address);
      return undefined;
    }
    return entry;
  };

  return {
    check(address) {
      const entry = current(address);
      if (!entry || entry.count < options.maxFailures) return;
      const seconds = Math.ceil((entry.since + options.windowMs - now()) / 1000);
      throw new PlumblineError(
        'too_many_requests',
        `Too many failed sign-ins from this address; try again in ${seconds} s.`,
      );
    },
    fail(address) {
      if (failures.size >= SWEEP_AT) for (const key of [...failures.keys()]) current(key);
      const entry = current(address);
      if (entry) entry.count += 1;
      else failures.set(address, { count: 1, since: now() });
    },
  };
}
