import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '../store/db/open';
import { CliError } from './cli-error';
import { parseOptions } from './options';

export const BACKUP_USAGE = 'plumbline backup --data DIR --out FILE';
export const RESTORE_USAGE = 'plumbline restore FILE --data DIR';

const PG_ADVICE =
  'DATABASE_URL is set: back up PostgreSQL with its own tools, e.g. pg_dump --format=custom "$DATABASE_URL" > plumbline.dump (restore with pg_restore).';

/**
 * A consistent copy of a SQLite store, taken while `serve` keeps running:
 * SQLite's online backup API copies the database as of one moment (WAL
 * readers do not block the writer, and a write during the copy restarts it),
 * so the copy never holds half a submission.
 */
export async function runBackup(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { data: { type: 'string' }, out: { type: 'string' } });
  if (process.env.DATABASE_URL) throw new CliError(PG_ADVICE);
  if (!values.data || !values.out) throw new CliError(`usage: ${BACKUP_USAGE}`);
  const source = join(resolve(values.data), SQLITE_FILE);
  const out = resolve(values.out);
  if (!existsSync(source)) throw new CliError(`no Plumbline store at ${source}.`);
  if (existsSync(out)) throw new CliError(`${out} exists; choose a new file (a backup never overwrites).`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(out);
  } finally {
    db.close();
  }
  checkIntegrity(out);
  console.log(`Backed up ${source} to ${out}. Restore it with: ${RESTORE_USAGE.replace('FILE', out)}`);
  return 0;
}

/** A backup into a new data folder, for `serve --data DIR`; never over an existing store. */
export async function runRestore(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { data: { type: 'string' } });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0 || !values.data) throw new CliError(`usage: ${RESTORE_USAGE}`);
  const from = resolve(file);
  const dir = resolve(values.data);
  const target = join(dir, SQLITE_FILE);
  if (!existsSync(from)) throw new CliError(`no backup at ${from}.`);
  if (existsSync(target))
    throw new CliError(`${target} exists: restore into a new folder, then point serve at it.`);
  checkIntegrity(from);
  mkdirSync(dir, { recursive: true });
  copyFileSync(from, target);
  console.log(`Restored ${from} into ${dir}. Start it with: plumbline serve --data ${dir}`);
  return 0;
}

function checkIntegrity(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new CliError(`${file} is not a sound SQLite database: ${String(result)}`);
    const tables = db
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'readings'")
      .get() as { n: number };
    if (tables.n !== 1) throw new CliError(`${file} is not a Plumbline store (it has no readings table).`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `${file} is not a SQLite database: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    db.close();
  }
}
