import type { CreatedUser, User } from '../core/model';
import { PlumblineError } from '../core/errors';
import { CliError } from './cli-error';
import { parseOptions } from './options';
import { storeCallFrom } from './store-options';

export const TOKEN_USAGE = 'plumbline token revoke|rotate --user ID [--server URL --token T]';

/**
 * Revokes a user's token (it stops working at once; the user and their readings stay) or
 * rotates it (a new token, printed once, replaces the old). Needs an admin's token.
 */
export async function runToken(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    user: { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
  });
  const [action, ...rest] = positionals;
  if ((action !== 'revoke' && action !== 'rotate') || rest.length > 0 || !values.user) {
    throw new CliError(`usage: ${TOKEN_USAGE}`);
  }
  const call = storeCallFrom(values, 'token');
  const path = `/v1/users/${encodeURIComponent(values.user)}/token`;
  try {
    if (action === 'revoke') {
      const user = await call<User & { revoked?: boolean }>('DELETE', path);
      // Only the store's word that the old token is dead lets this command say so.
      if (user.revoked !== true) throw new CliError('the store did not confirm the revocation.');
      console.log(
        `Revoked the token of ${user.id} (${user.name}, ${user.role}); rotate it to let them in again.`,
      );
    } else {
      const user = await call<CreatedUser>('POST', path);
      console.log(
        `New token of ${user.id} (${user.name}, ${user.role}), shown only now; the old one no longer works:`,
      );
      console.log(user.token);
    }
    return 0;
  } catch (error) {
    if (error instanceof PlumblineError) throw new CliError(`the store refused: ${error.message}`);
    throw error;
  }
}
