/**
 * HTTP that blocks, as `UrlFetchApp.fetch` does: the script waits for the
 * answer with no callback. Node has no synchronous HTTP client, so each call
 * runs a short Node child process (`execFileSync`) that sends the requests with
 * `fetch` (all at once, for `fetchAll`) and prints the answers.
 *
 * Why a child process rather than `Atomics.wait` on a worker: it needs no
 * shared buffer sized in advance for an answer of unknown length, and nothing
 * stays running between calls. It costs ~50 ms a call, which the tests can
 * afford. Either way the calling thread is blocked, so the server it talks to
 * must live in another process or thread (the tests start `plumbline serve`).
 */
import { execFileSync } from 'node:child_process';

export interface SyncRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SyncResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const SCRIPT = `
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const requests = JSON.parse(input);
  const answers = await Promise.all(requests.map(async (r) => {
    try {
      const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
      return { status: res.status, headers: Object.fromEntries(res.headers), text: await res.text() };
    } catch (e) {
      return { error: String(e && e.cause ? e.cause.message || e.cause : e) };
    }
  }));
  process.stdout.write(JSON.stringify(answers));
});
`;

/** Sends the requests together and waits for all the answers (or a transport error per request). */
export function sendSync(requests: SyncRequest[]): (SyncResponse | { error: string })[] {
  const out = execFileSync(process.execPath, ['-e', SCRIPT], {
    input: JSON.stringify(requests),
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  return JSON.parse(out.toString('utf8')) as (SyncResponse | { error: string })[];
}
