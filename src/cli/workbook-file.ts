import { readFile, rename, writeFile } from 'node:fs/promises';
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
    return await openXlsxHost(new Uint8Array(bytes), { fileName: basename(path) });
  } catch (error) {
    throw new CliError(`${path} is not a workbook Plumbline can read (.xlsx): ${(error as Error).message}`);
  }
}

/** Writes next to the file, then renames over it, so a crash never leaves half a workbook. */
export async function saveWorkbookFile(path: string, host: XlsxHost): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.plumbline-${process.pid}.tmp`);
  await writeFile(temp, await host.save());
  await rename(temp, path);
}
