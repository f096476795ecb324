/**
 * `UrlFetchApp`: synchronous HTTP to a real server (`sync-http.ts`), with
 * Apps Script's parameters and rules.
 * https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 * - `method` defaults to GET; `payload` is the body; `contentType` defaults to
 *   `application/x-www-form-urlencoded` for a string payload.
 * - An answer with a code of 400 or more throws, unless `muteHttpExceptions`.
 * - `fetchAll` sends its requests in parallel and answers in order; each
 *   request counts against the daily URL Fetch quota (`execution.ts`).
 */
import { exception } from './errors';
import type { ExecutionClock } from './execution';
import { sendSync, type SyncRequest, type SyncResponse } from './sync-http';

export interface FetchParams {
  method?: string;
  contentType?: string;
  headers?: Record<string, string>;
  payload?: string;
  muteHttpExceptions?: boolean;
}

export type FetchRequest = FetchParams & { url: string };

export class HttpResponse {
  constructor(private readonly answer: SyncResponse) {}

  getResponseCode(): number {
    return this.answer.status;
  }

  getContentText(): string {
    return this.answer.text;
  }

  getHeaders(): Record<string, string> {
    return { ...this.answer.headers };
  }
}

function toSync(url: string, params: FetchParams): SyncRequest {
  const headers: Record<string, string> = { ...(params.headers ?? {}) };
  if (params.payload !== undefined)
    headers['Content-Type'] = params.contentType ?? 'application/x-www-form-urlencoded';
  return {
    url,
    method: (params.method ?? 'get').toUpperCase(),
    headers,
    ...(params.payload !== undefined ? { body: params.payload } : {}),
  };
}

export class FakeUrlFetchApp {
  constructor(private readonly clock: ExecutionClock) {}

  private send(requests: FetchRequest[]): HttpResponse[] {
    if (requests.some((r) => typeof r.url !== 'string' || !/^https?:\/\//.test(r.url)))
      exception(`Invalid argument: ${requests.find((r) => !/^https?:\/\//.test(String(r.url)))?.url}`);
    this.clock.chargeUrlFetch(requests.length);
    const answers = sendSync(requests.map((r) => toSync(r.url, r)));
    return answers.map((answer, i) => {
      const request = requests[i]!;
      if ('error' in answer) exception(`Address unavailable: ${request.url}`);
      if (answer.status >= 400 && !request.muteHttpExceptions)
        exception(
          `Request failed for ${request.url} returned code ${answer.status}. Truncated server response: ${answer.text.slice(0, 80)} (use muteHttpExceptions option to examine full response)`,
        );
      return new HttpResponse(answer);
    });
  }

  fetch(url: string, params: FetchParams = {}): HttpResponse {
    return this.send([{ ...params, url }])[0]!;
  }

  fetchAll(requests: (string | FetchRequest)[]): HttpResponse[] {
    return this.send(requests.map((r) => (typeof r === 'string' ? { url: r } : r)));
  }
}
