/**
 * The shapes of the library's requests (the JSON text of one `context.sync()`)
 * and of Excel's answers, as `OfficeExtension` builds and reads them.
 */

/** `ActionType` in a request. */
export const ACTION = {
  instantiate: 1,
  query: 2,
  method: 3,
  setProperty: 4,
  trace: 5,
  recursiveQuery: 6,
  queryAsJson: 7,
  ensureUnchanged: 8,
  update: 9,
} as const;

/** `ObjectPathType` in a request. */
export const OBJECT_PATH = {
  global: 1,
  newObject: 2,
  method: 3,
  property: 4,
  indexer: 5,
  referenceId: 6,
  nullObject: 7,
} as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Per argument: the id of the object path it stands for, or 0 for a plain value. */
  ReferencedObjectPathIds?: number[];
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Skip?: number;
  Top?: number;
}

export interface RequestAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
  ObjectState?: Record<string, unknown>;
}

export interface RequestObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface RichApiRequest {
  Actions: RequestAction[];
  ObjectPaths: Record<string, RequestObjectPath>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseError {
  Code: string;
  Message: string;
  Location: string;
  /** Index in `Actions` of the action that failed: the library prints that statement in `debugInfo`. */
  ActionIndex: number;
  HttpStatusCode: number;
}

export interface ResponseBody {
  Results: ActionResult[];
  TraceIds: number[];
  Error?: ResponseError;
}

/** What `OSF.DDA.RichApi.executeRichApiRequestAsync` passes to its callback. */
export type RichApiResult =
  | { status: 'succeeded'; value: { data: [number, string[], string] } }
  | { status: 'failed'; error: { code: number; message: string } };

/** Office's error codes for requests and responses over the payload limit (the library maps them to its own). */
export const OFFICE_REQUEST_TOO_LARGE = 5103;
export const OFFICE_RESPONSE_TOO_LARGE = 5104;

export function isRichApiRequest(value: unknown): value is RichApiRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { Actions?: unknown; ObjectPaths?: unknown };
  return Array.isArray(v.Actions) && typeof v.ObjectPaths === 'object' && v.ObjectPaths !== null;
}
