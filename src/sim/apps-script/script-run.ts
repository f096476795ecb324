/**
 * `google.script.run` for a page: calls a server function by name,
 * asynchronously, answering through `withSuccessHandler`/`withFailureHandler`.
 * https://developers.google.com/apps-script/guides/html/reference/run
 * https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
 * "Legal parameters are JavaScript primitives … as well as JavaScript objects
 * and arrays that are composed of primitives, objects, and arrays. … Requests
 * fail if you attempt to pass a Date, Function, DOM element besides a form, or
 * other prohibited type, including prohibited types inside objects or arrays.
 * Objects that create circular references will also fail, and undefined fields
 * within arrays become null." The return value is "subject to the same
 * restrictions": one that breaks them reaches the success handler as `null`.
 * Each call is one execution of the script (`apps-script.ts`).
 */
export type ServerCall = (name: string, args: unknown[]) => unknown;

class Illegal extends Error {}

/** A copy of `value` as it crosses between page and server, or `Illegal`. */
export function transfer(value: unknown, seen: Set<object> = new Set()): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  if (value === undefined) return undefined;
  if (typeof value !== 'object') throw new Illegal(`${typeof value} is not a legal value`);
  if (seen.has(value)) throw new Illegal('a circular reference is not a legal value');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : transfer(v, seen)));
    const proto = Object.getPrototypeOf(value) as object | null;
    // A plain object of any realm: its prototype is some realm's Object.prototype (whose own prototype is null).
    if (proto !== null && Object.getPrototypeOf(proto) !== null)
      throw new Illegal(`${Object.prototype.toString.call(value)} is not a legal value`);
    if (Object.prototype.toString.call(value) !== '[object Object]')
      throw new Illegal(`${Object.prototype.toString.call(value)} is not a legal value`);
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) copy[k] = transfer(v, seen);
    return copy;
  } finally {
    seen.delete(value);
  }
}

type Handler = (value: unknown, userObject: unknown) => void;

export interface ScriptRunCounters {
  calls: number;
  byFunction: Map<string, number>;
}

/** `google.script.run` over `call` (one execution per call). */
export function createScriptRun(
  call: ServerCall,
  counters: ScriptRunCounters = { calls: 0, byFunction: new Map() },
): Record<string, unknown> {
  const make = (success?: Handler, failure?: Handler, userObject?: unknown): Record<string, unknown> =>
    new Proxy(
      {},
      {
        get(_target, prop) {
          if (typeof prop !== 'string') return undefined;
          if (prop === 'withSuccessHandler') return (h: Handler) => make(h, failure, userObject);
          if (prop === 'withFailureHandler') return (h: Handler) => make(success, h, userObject);
          if (prop === 'withUserObject') return (o: unknown) => make(success, failure, o);
          return (...args: unknown[]) => {
            counters.calls += 1;
            counters.byFunction.set(prop, (counters.byFunction.get(prop) ?? 0) + 1);
            let sent: unknown[];
            try {
              sent = transfer(args) as unknown[];
            } catch (e) {
              setImmediate(() =>
                failure?.(new Error(`Failed due to illegal value: ${(e as Error).message}`), userObject),
              );
              return;
            }
            setImmediate(() => {
              let result: unknown;
              try {
                result = call(prop, sent);
              } catch (e) {
                failure?.(new Error((e as Error).message ?? String(e)), userObject);
                return;
              }
              let returned: unknown = null;
              try {
                returned = transfer(result) ?? null;
              } catch (e) {
                // An illegal return value reaches the page as null (see above); anything else is the fake's own bug.
                if (!(e instanceof Illegal)) throw e;
              }
              success?.(returned, userObject);
            });
          };
        },
      },
    );
  return make();
}
