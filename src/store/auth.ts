import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, User } from '../core/model';
import { PlumblineError } from '../core/errors';

/** A new bearer token: 32 random bytes, shown once; only its hash is stored. */
export function newToken(): string {
  return `pl_${randomBytes(32).toString('base64url')}`;
}

/**
 * What a revoked user's `token_hash` holds: no token hashes to it (hashes are hex, this is
 * not), and it is random so the column stays unique. The user stays, so their readings keep
 * their author; only the token stops working.
 */
export function revokedTokenHash(): string {
  return `revoked:${randomBytes(16).toString('hex')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The user a stored hash belongs to, compared in constant time. The lookup is by
 * hash (an index probe reveals nothing usable about a 256-bit random token); the
 * final comparison is constant-time so a near-miss takes as long as a hit.
 */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

const WRITERS: readonly Role[] = ['admin', 'analyst', 'owner'];

/** Linking and observations: analyst, owner or admin (DESIGN §2). */
export function requireLinker(user: User): void {
  if (!WRITERS.includes(user.role)) {
    throw new PlumblineError('forbidden', `A ${user.role} cannot register links or observations.`);
  }
}

export function requireAdmin(user: User): void {
  if (user.role !== 'admin')
    throw new PlumblineError('forbidden', 'Only an admin may change the model or users.');
}
