/**
 * A throwaway PostgreSQL server for the test run: started once by jest's
 * globalSetup, stopped (and its folder deleted) by globalTeardown. Skipped
 * when PLUMBLINE_TEST_PG_URL already points at a server.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PG_URL_ENV = 'PLUMBLINE_TEST_PG_URL';

export interface PgServer {
  url: string;
  /** Holds the data folder, the socket folder and the log. */
  baseDir: string;
  pgCtl: string;
  runAsPostgres: boolean;
}

declare global {
  /** The server globalSetup started, for globalTeardown (jest runs both in its main process). */
  var __plumblinePg: PgServer | undefined;
}

/** Where PostgreSQL's binaries may be: PATH, /usr/local/bin, Debian's /usr/lib/postgresql/<version>/bin. */
export function findPgBinDir(): string | undefined {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(debian, v, 'bin'))
    : [];
  const candidates = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/bin', ...versions];
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

export async function startPostgres(): Promise<PgServer> {
  const binDir = findPgBinDir();
  if (!binDir) {
    throw new Error(
      `PostgreSQL is needed for the tests: apt-get install -y postgresql, or set ${PG_URL_ENV} ` +
        '(e.g. postgres://postgres@127.0.0.1:5432/postgres, a role that may CREATE DATABASE).',
    );
  }
  // PostgreSQL refuses to run as root: run it as the postgres user then.
  const runAsPostgres = process.getuid?.() === 0;
  const baseDir = mkdtempSync(join(tmpdir(), 'plumbline-pg-'));
  const dataDir = join(baseDir, 'data');
  const socketDir = join(baseDir, 'sock');
  mkdirSync(socketDir);
  if (runAsPostgres) {
    const { uid, gid } = postgresUser();
    chownSync(baseDir, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  const pgCtl = join(binDir, 'pg_ctl');
  const exec = (file: string, args: string[]) =>
    runAsPostgres ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);

  try {
    await exec(join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    // A free port can be taken between asking and binding: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const settings = [
        'listen_addresses=127.0.0.1',
        `port=${port}`,
        `unix_socket_directories=${socketDir}`,
        'max_connections=300',
        // A test server: speed over durability.
        'fsync=off',
        'synchronous_commit=off',
        'full_page_writes=off',
      ];
      try {
        await exec(pgCtl, [
          '-D',
          dataDir,
          '-l',
          join(baseDir, 'postgres.log'),
          '-w',
          '-t',
          '60',
          '-o',
          settings.map((s) => `-c ${s}`).join(' '),
          'start',
        ]);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, baseDir, pgCtl, runAsPostgres };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const log = join(baseDir, 'postgres.log');
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    rmSync(baseDir, { recursive: true, force: true });
    throw new Error(`Could not start PostgreSQL for the tests: ${describe(error)}\n${tail}`, {
      cause: error,
    });
  }
}

export async function stopPostgres(server: PgServer): Promise<void> {
  const args = ['-D', join(server.baseDir, 'data'), '-m', 'immediate', '-w', 'stop'];
  try {
    await (server.runAsPostgres
      ? run('runuser', ['-u', 'postgres', '--', server.pgCtl, ...args])
      : run(server.pgCtl, args));
  } finally {
    rmSync(server.baseDir, { recursive: true, force: true });
  }
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch (error) {
    throw new Error(
      `PostgreSQL refuses to run as root and there is no "postgres" user: apt-get install -y postgresql ` +
        `(creates it), run the tests as another user, or set ${PG_URL_ENV}.`,
      { cause: error },
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'stderr' in error && typeof error.stderr === 'string') {
    return `${error instanceof Error ? error.message : ''}\n${error.stderr}`;
  }
  return error instanceof Error ? error.message : String(error);
}
