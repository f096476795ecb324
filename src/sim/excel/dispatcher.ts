/**
 * Executes one request of the library against the simulated workbook: resolves
 * object paths to handles, runs the actions in order and answers with one
 * result per instantiate, query and method action, or stops at the first
 * failing action with Excel's error and its index (actions before it stay
 * done, as in Excel).
 */
import { ResponseTooLargeError, SimError } from './errors';
import type { Env, Handle } from './object-model';
import {
  ACTION,
  OBJECT_PATH,
  type ActionResult,
  type ArgumentInfo,
  type QueryInfo,
  type RequestAction,
  type RequestObjectPath,
  type ResponseBody,
  type RichApiRequest,
} from './protocol';
import type { ReferenceTable } from './references';
import { classOf } from './registry';

const NO_RESULT = Symbol('no result');

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * A Select or Expand entry as Excel reads it: `items/name` on a collection is
 * `name` of each item (the library strips it from strings but sends arrays as
 * given), `items` alone or `*` means everything, `.` separates like `/`.
 */
function normalizeSelect(entries: string[] | undefined): string[] | undefined {
  if (!entries) return undefined;
  const out: string[] = [];
  for (const raw of entries) {
    let entry = raw.trim().replace(/\./g, '/');
    if (/^items\/?$/i.test(entry) || entry === '*') return undefined;
    entry = entry.replace(/^items\//i, '').replace(/\/items\//gi, '/');
    if (entry !== '') out.push(entry);
  }
  return out;
}

function describe(error: unknown): SimError {
  if (error instanceof SimError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SimError('GeneralException', `Simulator fault: ${message}`);
}

export class Dispatcher {
  private readonly resolved = new Map<number, Handle | null>();
  private location = '';

  constructor(
    private readonly request: RichApiRequest,
    private readonly env: Env,
    private readonly refs: ReferenceTable,
  ) {}

  run(): ResponseBody {
    const results: ActionResult[] = [];
    const traceIds: number[] = [];
    const actions = this.request.Actions;
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i]!;
      this.location = '';
      try {
        if (action.ActionType === ACTION.trace) {
          traceIds.push(action.Id);
          continue;
        }
        const value = this.runAction(action);
        if (value !== NO_RESULT) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        if (e instanceof ResponseTooLargeError) throw e;
        const error = describe(e);
        return {
          Results: results,
          TraceIds: traceIds,
          Error: {
            Code: error.code,
            Message: error.message,
            Location: this.location,
            ActionIndex: i,
            HttpStatusCode: error.status,
          },
        };
      }
    }
    return { Results: results, TraceIds: traceIds };
  }

  private runAction(action: RequestAction): unknown {
    const target = this.resolve(action.ObjectPathId);
    if (target) classOf(target).check?.(target, this.env);
    switch (action.ActionType) {
      case ACTION.instantiate:
        return target ? this.identity(target) : null;
      case ACTION.query:
        return target ? this.query(target, action.QueryInfo ?? {}) : null;
      case ACTION.method:
        return this.callMethod(target, action.Name, this.args(action.ArgumentInfo));
      case ACTION.setProperty:
        if (target) this.setProperty(target, action.Name, this.args(action.ArgumentInfo)[0]);
        return NO_RESULT;
      case ACTION.update:
        if (target) this.update(target, action.ObjectState ?? {});
        return NO_RESULT;
      default:
        throw new SimError(
          'NotImplemented',
          `The simulator does not run actions of type ${action.ActionType}.`,
        );
    }
  }

  private path(id: number): RequestObjectPath {
    const path = this.request.ObjectPaths[String(id)];
    if (!path) throw new SimError('InvalidArgument', `The request has no object path ${id}.`);
    return path;
  }

  private resolve(id: number): Handle | null {
    if (this.resolved.has(id)) return this.resolved.get(id)!;
    const path = this.path(id);
    const handle = this.resolvePath(path);
    this.resolved.set(id, handle);
    return handle;
  }

  private parentOf(path: RequestObjectPath): Handle | null {
    if (path.ParentObjectPathId === undefined)
      throw new SimError('InvalidArgument', 'An object path lacks its parent.');
    const parent = this.resolve(path.ParentObjectPathId);
    if (parent) classOf(parent).check?.(parent, this.env);
    return parent;
  }

  private resolvePath(path: RequestObjectPath): Handle | null {
    switch (path.ObjectPathType) {
      case OBJECT_PATH.global:
        return { type: 'Workbook' };
      case OBJECT_PATH.nullObject:
        return null;
      case OBJECT_PATH.referenceId: {
        const kept = this.refs.get(path.Name);
        if (!kept)
          throw new SimError('InvalidReference', 'The object was released (its reference was removed).');
        return kept;
      }
      case OBJECT_PATH.property: {
        const parent = this.parentOf(path);
        if (!parent) return null;
        this.location = `${parent.type}.${camel(path.Name)}`;
        const nav = classOf(parent).navigation?.[path.Name];
        if (!nav) throw this.unsupported(parent, path.Name);
        return nav(parent, this.env);
      }
      case OBJECT_PATH.method: {
        const parent = this.parentOf(path);
        if (!parent) return null;
        this.location = `${parent.type}.${camel(path.Name)}`;
        const method = classOf(parent).objectMethods?.[path.Name];
        if (!method) throw this.unsupported(parent, path.Name);
        return method(parent, this.args(path.ArgumentInfo), this.env);
      }
      case OBJECT_PATH.indexer: {
        const parent = this.parentOf(path);
        if (!parent) return null;
        this.location = `${parent.type}.getItem`;
        const indexer = classOf(parent).indexer;
        if (!indexer) throw this.unsupported(parent, 'getItem');
        return indexer(parent, this.args(path.ArgumentInfo)[0], this.env);
      }
      default:
        throw new SimError(
          'NotImplemented',
          `The simulator does not resolve object paths of type ${path.ObjectPathType}.`,
        );
    }
  }

  private unsupported(handle: Handle, member: string, what = ''): SimError {
    return new SimError(
      'NotImplemented',
      `The simulator does not implement ${what}${handle.type}.${camel(member)}.`,
    );
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const values = info?.Arguments ?? [];
    const paths = info?.ReferencedObjectPathIds;
    return values.map((v, i) => {
      const pathId = paths?.[i];
      return pathId ? this.resolve(pathId) : v;
    });
  }

  private identity(handle: Handle): Record<string, unknown> {
    const ref = this.refs.idOf(handle);
    return { ...(classOf(handle).identity?.(handle) ?? {}), ...(ref ? { _ReferenceId: ref } : {}) };
  }

  private callMethod(target: Handle | null, name: string, args: unknown[]): unknown {
    // Methods of a null object do nothing, as in Excel.
    if (!target) return null;
    if (name === '_KeepReference') {
      this.refs.keep(target);
      return NO_RESULT;
    }
    if (name === '_RemoveReference') {
      if (typeof args[0] === 'string') this.refs.remove(args[0]);
      return NO_RESULT;
    }
    this.location = `${target.type}.${camel(name)}`;
    const def = classOf(target);
    const method = def.methods?.[name];
    if (method) {
      const value = method(target, args, this.env);
      return value === undefined ? NO_RESULT : value;
    }
    const objectMethod = def.objectMethods?.[name];
    if (objectMethod) {
      objectMethod(target, args, this.env);
      return NO_RESULT;
    }
    throw this.unsupported(target, name);
  }

  private setProperty(target: Handle, name: string, value: unknown): void {
    this.location = `${target.type}.${camel(name)}`;
    const property = classOf(target).properties?.[name];
    // The library refuses read-only properties itself (no setter on its proxies, `set()` checks
    // them), so a property sent here is writable in Excel: without a setter, the simulator lacks it.
    if (!property?.set) throw this.unsupported(target, name, 'setting ');
    property.set(target, value, this.env);
  }

  /** `object.set({...})` sent as one update action: scalar properties and nested objects. */
  private update(target: Handle, state: Record<string, unknown>): void {
    const def = classOf(target);
    for (const [name, value] of Object.entries(state)) {
      const nav = def.navigation?.[name];
      if (nav && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const child = nav(target, this.env);
        if (child) this.update(child, value as Record<string, unknown>);
      } else {
        this.setProperty(target, name, value);
      }
    }
  }

  private query(target: Handle, query: QueryInfo): unknown {
    const def = classOf(target);
    const select = normalizeSelect(query.Select);
    const expand = normalizeSelect(query.Expand);
    if (def.items) {
      let items = def.items(target, this.env);
      if (query.Skip) items = items.slice(query.Skip);
      if (query.Top !== undefined && query.Top !== null && query.Top >= 0) items = items.slice(0, query.Top);
      return { _Items: items.map((item) => this.objectValue(item, select, expand)) };
    }
    return this.objectValue(target, select, expand);
  }

  /** The loaded properties of one object, PascalCase, navigation properties nested. */
  private objectValue(
    target: Handle,
    select: string[] | undefined,
    expand: string[] | undefined,
  ): Record<string, unknown> {
    const def = classOf(target);
    const out: Record<string, unknown> = {};
    const ref = this.refs.idOf(target);
    if (ref) out._ReferenceId = ref;
    // Private keys (`_Id` of a named item) come with every answer, so the library can address an item later.
    for (const [key, value] of Object.entries(def.identity?.(target) ?? {})) {
      if (key.startsWith('_')) out[key] = value;
    }
    const nested = new Map<string, string[]>();
    const want = (nav: string, rest: string) => {
      const list = nested.get(nav) ?? [];
      if (rest) list.push(rest);
      nested.set(nav, list);
    };
    if (select === undefined || select === null) {
      for (const [name, property] of Object.entries(def.properties ?? {})) {
        if (property.get) out[name] = property.get(target, this.env);
      }
    } else {
      for (const entry of select) {
        const [head = '', ...rest] = entry.split('/');
        const name = pascal(head);
        const property = def.properties?.[name];
        if (rest.length === 0 && property?.get) {
          out[name] = property.get(target, this.env);
        } else if (def.navigation?.[name]) {
          want(name, rest.join('/'));
        } else {
          this.location = `${target.type}.${head}`;
          throw this.unsupported(target, head);
        }
      }
    }
    for (const entry of expand ?? []) {
      const [head = '', ...rest] = entry.split('/');
      const name = pascal(head);
      if (!def.navigation?.[name]) throw this.unsupported(target, head);
      if (!nested.has(name)) want(name, rest.join('/'));
    }
    for (const [name, paths] of nested) {
      const child = def.navigation![name]!(target, this.env);
      if (child) classOf(child).check?.(child, this.env);
      out[name] = child ? this.query(child, paths.length > 0 ? { Select: paths } : {}) : null;
    }
    return out;
  }
}
