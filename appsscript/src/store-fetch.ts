/**
 * The store's HTTP for the sidebar: a page served by Apps Script cannot reach
 * another origin, so the store client's transport sends its requests here and
 * they go out through UrlFetchApp — all of one call together with `fetchAll`.
 * Errors come back as answers (`muteHttpExceptions`) so the client reads the
 * store's own error body.
 */
import type { HttpRequest, HttpResponse } from '../../src/client/store-client';

export function storeFetch(requests: HttpRequest[]): HttpResponse[] {
  if (requests.length === 0) return [];
  const answers = UrlFetchApp.fetchAll(
    requests.map((r) => ({
      url: r.url,
      method: r.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      headers: Object.fromEntries(
        Object.entries(r.headers).filter(([k]) => k.toLowerCase() !== 'content-type'),
      ),
      ...(r.body !== undefined
        ? {
            payload: r.body,
            contentType: r.headers['Content-Type'] ?? r.headers['content-type'] ?? 'application/json',
          }
        : {}),
      muteHttpExceptions: true,
    })),
  );
  return answers.map((a) => ({ status: a.getResponseCode(), text: a.getContentText() }));
}
