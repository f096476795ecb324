import {
  createStoreCall,
  createStoreClient,
  type ClientOptions,
  type StoreCall,
  type StoreClient,
} from '../client/store-client';
import { CliError } from './cli-error';

/** The store to talk to: --server/--token, else PLUMBLINE_SERVER/PLUMBLINE_TOKEN. */
export function storeClientFrom(values: { server?: string; token?: string }, command: string): StoreClient {
  return createStoreClient(storeOptionsFrom(values, command));
}

/** The same store as one call at a time, for the routes the typed client leaves out (admin's). */
export function storeCallFrom(values: { server?: string; token?: string }, command: string): StoreCall {
  return createStoreCall(storeOptionsFrom(values, command));
}

function storeOptionsFrom(values: { server?: string; token?: string }, command: string): ClientOptions {
  const server = values.server ?? process.env.PLUMBLINE_SERVER;
  const token = values.token ?? process.env.PLUMBLINE_TOKEN;
  if (!server || !token) {
    throw new CliError(
      `${command} needs the store: pass --server URL --token T (or set PLUMBLINE_SERVER and PLUMBLINE_TOKEN).`,
    );
  }
  if (!/^https?:\/\//.test(server)) throw new CliError(`--server must be an http(s) URL, not "${server}".`);
  return { baseUrl: server, token };
}
