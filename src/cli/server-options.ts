import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { CliError } from './cli-error';
import { parseOptions, parsePort } from './options';

/**
 * Fails early, with what to do, when the port is taken — before the demo
 * wipes its folder, which another running demo may be using.
 */
export async function requireFreePort(port: number, host = '127.0.0.1'): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new CliError(`port ${port} is in use (another Plumbline?); choose another with --port.`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * `--port`, `--data`, `--host` and `--https` (localhost's development certificate)
 * of the commands that run a server, with the port known to be free.
 */
export async function serverOptions(
  args: string[],
  defaultData: string,
): Promise<{ port: number; host: string | undefined; data: string; https: boolean }> {
  const { values } = parseOptions(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    host: { type: 'string' },
    https: { type: 'boolean' },
  });
  const port = parsePort(values.port, 8080);
  await requireFreePort(port, values.host);
  return { port, host: values.host, data: resolve(values.data ?? defaultData), https: values.https ?? false };
}
