/**
 * `google.script.run` as promises, typed from the server module itself
 * (`appsscript/src/server-functions.ts`): a server function's parameters are
 * the bridge function's, and its `Reply<T>` becomes a `Promise<T>` that
 * rejects with the `HostError` the server caught (code and message), or with
 * the error `google.script.run` reports (a server exception, an illegal value).
 */
import type { ServerFunctions } from '../../../appsscript/src/server-functions';
import { HostError, type HostErrorCode } from '../host-error';

type Unwrap<R> = R extends { ok: true; value: infer T } ? T : never;

export type Bridge = {
  [K in keyof ServerFunctions]: (
    ...args: Parameters<ServerFunctions[K]>
  ) => Promise<Unwrap<ReturnType<ServerFunctions[K]>>>;
};

/** The part of `google.script.run` the bridge uses. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

type ReplyShape = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const HOST_CODES: readonly string[] = ['InvalidArgument', 'ItemNotFound', 'AccessDenied', 'NotImplemented'];

function settle(reply: unknown): unknown {
  const r = reply as ReplyShape | null;
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean')
    throw new Error('The add-on answered something that is not a reply (a value google.script.run refuses?)');
  if (r.ok) return r.value;
  if (HOST_CODES.includes(r.error.code)) throw new HostError(r.error.code as HostErrorCode, r.error.message);
  throw new Error(r.error.message);
}

/** The bridge over `run` (the page's `google.script.run`, or the fake's in tests). */
export function createBridge(run: ScriptRun): Bridge {
  return new Proxy({} as Bridge, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const runner = run
            .withSuccessHandler((reply) => {
              try {
                resolve(settle(reply));
              } catch (e) {
                reject(e);
              }
            })
            .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
          (runner as unknown as Record<string, (...a: unknown[]) => void>)[name]!(...args);
        });
    },
  });
}
