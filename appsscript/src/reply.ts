/**
 * What a server function answers the sidebar. `google.script.run` hands the
 * page only an error's message, so a port error's code (`InvalidArgument`,
 * `ItemNotFound`…) would be lost if thrown: every function answers an envelope
 * instead, and the page's bridge throws the `HostError` again.
 */
import { HostError, type HostErrorCode } from '../../src/hosts/host-error';

export type Reply<T> =
  { ok: true; value: T } | { ok: false; error: { code: HostErrorCode | 'Error'; message: string } };

export function serve<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => Reply<T> {
  return (...args) => {
    try {
      return { ok: true, value: fn(...args) };
    } catch (e) {
      if (e instanceof HostError) return { ok: false, error: { code: e.code, message: e.message } };
      return { ok: false, error: { code: 'Error', message: e instanceof Error ? e.message : String(e) } };
    }
  };
}
