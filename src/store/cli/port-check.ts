import { createServer } from 'node:net';
import { CliError } from './cli-error';

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
