import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UnsupportedWorkbookError } from '../hosts/xlsx/workbook-errors';
import { openXlsxHost, type XlsxHost } from '../hosts/xlsx/xlsx-host';
import { CliError } from './cli-error';

/**
 * The host reads cells only when a command asks for them, so a damaged or
 * hostile part can surface mid-command: it is the same refusal as at open.
 */
export function unreadableWorkbook(path: string, error: unknown): CliError | undefined {
  return error instanceof UnsupportedWorkbookError
    ? new CliError(`${path} is not a workbook Plumbline can read (.xlsx): ${error.message}`)
    : undefined;
}

export async function openWorkbookFile(path: string | undefined): Promise<XlsxHost> {
  if (!path) throw new CliError('Name the workbook: plumbline <command> FILE.xlsx …');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path}: ${(error as Error).message}`,
    );
  }
  try {
    return await openXlsxHost(bytes, { fileName: basename(path) });
  } catch (error) {
    throw new CliError(`${path} is not a workbook Plumbline can read (.xlsx): ${(error as Error).message}`);
  }
}

/**
 * Writes beside the file, then renames over it, so a crash never leaves half
 * a workbook: the real file behind any symlink (the link stays a link), with
 * the file's permissions (a private workbook stays private), flushed to disk
 * before the rename, and the rename flushed after. The temporary file is removed when anything fails.
 */
export async function saveWorkbookFile(path: string, host: XlsxHost): Promise<void> {
  const target = await realpath(path);
  const mode = (await stat(target)).mode & 0o7777;
  const bytes = await host.save();
  const temp = join(
    dirname(target),
    `.${basename(target)}.plumbline-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  // 'wx': never over an existing file; 0o600 until the mode is set, whatever the umask.
  const file = await open(temp, 'wx', 0o600);
  try {
    try {
      await file.writeFile(bytes);
      await file.chmod(mode);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(target));
}

/** Makes a rename in `dir` durable. Windows cannot open a directory to flush it (nor needs to). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
