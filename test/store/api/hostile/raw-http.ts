/**
 * HTTP/1.1 over a bare socket: hostile requests need bytes that fetch and
 * node's http client refuse to send (control characters in headers, lying
 * framing, request lines no client would write).
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends `head` (request line and headers, without the blank line) and `body`, reads until the server closes. */
export function sendRaw(url: string, head: string, body: Buffer = Buffer.alloc(0)): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) });
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer within 15 s')));
    const finish = (error?: Error) => {
      const data = Buffer.concat(chunks);
      // A server may answer (413, 400) and close before it has read the whole body: the answer counts.
      if (data.length > 0) {
        try {
          return resolve(parseResponse(data));
        } catch (parseError) {
          return reject(parseError);
        }
      }
      reject(error ?? new Error('the server closed the connection without answering'));
    };
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', (error) => finish(error));
    socket.on('end', () => finish());
    socket.on('connect', () => {
      socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]), () => undefined);
    });
  });
}

function parseResponse(data: Buffer): RawResponse {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0)
    throw new Error(`not an HTTP answer: ${JSON.stringify(data.toString('latin1').slice(0, 200))}`);
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = data.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = unchunk(body);
  return { status, headers, body: body.toString('utf8') };
}

function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
