/**
 * A typed client of the store's API. The transport is injected, so the same
 * client runs on `fetch` (pane, CLI) and on Apps Script's UrlFetchApp.
 */
import type { LinkInput, ObservationInput, ObservationValue, Reading, ReadingInput } from '../core/api';
import { isErrorCode, PlumblineError } from '../core/errors';
import type { KpiWithPath } from '../core/model-tree';
import type { SummaryRow } from '../core/summary';
import type { Verdict } from '../core/verdict';
import type { DemoPersona, Link, Me } from '../core/api';

export type { DemoPersona, Me };

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  text: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** The transport of browsers and Node: `fetch`. */
export function fetchTransport(fetchImpl: typeof fetch = fetch): Transport {
  return async (request) => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    return { status: response.status, text: await response.text() };
  };
}

export interface ObservationAnswer extends ObservationInput {
  value: ObservationValue;
  canonical: number | null;
  revision: number | null;
  verdict: Verdict | null;
}

export interface StoreClient {
  me(): Promise<Me>;
  kpis(): Promise<KpiWithPath[]>;
  links(workbookId?: string): Promise<Link[]>;
  canonical(kpiIds: string[], range?: { from?: string; to?: string }): Promise<Reading[]>;
  submitReadings(readings: ReadingInput[], idempotencyKey: string): Promise<Reading[]>;
  registerLink(
    link: Partial<LinkInput> & Omit<LinkInput, 'id' | 'scale'> & { scale?: number },
  ): Promise<Link>;
  /** `POST /v1/links/bulk`: many links in one request, all-or-nothing. */
  registerLinks(links: LinkInput[]): Promise<Link[]>;
  observe(observations: ObservationInput[]): Promise<ObservationAnswer[]>;
  summary(asOf?: string): Promise<{ asOf: string; rows: SummaryRow[] }>;
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  transport?: Transport;
}

/** One call to the store: the answer's JSON, or the store's error as a PlumblineError. */
export type StoreCall = <T>(
  method: HttpRequest['method'],
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<T>;

/** The transport, base URL and token every request of a client shares (also used by the CLI's admin commands). */
export function createStoreCall(options: ClientOptions): StoreCall {
  const transport = options.transport ?? fetchTransport();
  const base = options.baseUrl.replace(/\/+$/, '');

  return async function call<T>(
    method: HttpRequest['method'],
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let response: HttpResponse;
    try {
      response = await transport({
        method,
        url: `${base}${path}`,
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new PlumblineError(
        'store_unreachable',
        `Cannot reach the Plumbline store at ${base}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = parseJson(response.text);
    if (response.status >= 200 && response.status < 300) return parsed as T;
    throw toError(response.status, parsed);
  };
}

export function createStoreClient(options: ClientOptions): StoreClient {
  const call = createStoreCall(options);
  return {
    me: () => call<Me>('GET', '/v1/me'),
    links: async (workbookId) =>
      (
        await call<{ links: Link[] }>(
          'GET',
          `/v1/links${workbookId ? `?workbookId=${encodeURIComponent(workbookId)}` : ''}`,
        )
      ).links,
    kpis: async () => (await call<{ kpis: KpiWithPath[] }>('GET', '/v1/kpis')).kpis,
    canonical: async (kpiIds, range = {}) =>
      (await call<{ readings: Reading[] }>('POST', '/v1/canonical', { kpiIds, ...range })).readings,
    submitReadings: async (readings, idempotencyKey) =>
      (
        await call<{ readings: Reading[] }>(
          'POST',
          '/v1/readings',
          { readings },
          { 'idempotency-key': idempotencyKey },
        )
      ).readings,
    registerLink: (link) => call<Link>('POST', '/v1/links', link),
    registerLinks: async (links) =>
      (await call<{ links: Link[] }>('POST', '/v1/links/bulk', { links })).links,
    observe: async (observations) =>
      (await call<{ observations: ObservationAnswer[] }>('POST', '/v1/observations', { observations }))
        .observations,
    summary: (asOf) => call('GET', `/v1/summary${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`),
  };
}

/**
 * The demo store's users (`plumbline demo` publishes them: its data is sample data);
 * an empty list from a store that is not a demo.
 */
export async function fetchDemoPersonas(
  baseUrl: string,
  transport: Transport = fetchTransport(),
): Promise<DemoPersona[]> {
  let response: HttpResponse;
  try {
    response = await transport({
      method: 'GET',
      url: `${baseUrl.replace(/\/+$/, '')}/v1/demo/personas`,
      headers: {},
    });
  } catch (error) {
    throw new PlumblineError(
      'store_unreachable',
      `Cannot reach the Plumbline store at ${baseUrl}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (response.status === 404 || response.status === 401) return [];
  const parsed = parseJson(response.text);
  if (response.status !== 200) throw toError(response.status, parsed);
  return (parsed as { personas: DemoPersona[] }).personas;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toError(status: number, body: unknown): PlumblineError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (error && isErrorCode(error.code)) {
    return new PlumblineError(
      error.code,
      typeof error.message === 'string' ? error.message : undefined,
      Array.isArray(error.details) ? error.details : undefined,
    );
  }
  return new PlumblineError(
    status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'internal',
    `The store answered ${status}.`,
  );
}
