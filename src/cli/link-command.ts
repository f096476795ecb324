import { linkRange } from '../core/link-range';
import { WorkbookLinkError } from '../core/workbook-access';
import { PlumblineError } from '../core/errors';
import { LinkFormatError } from '../core/link-format';
import { CliError } from './cli-error';
import { LINK_USAGE } from './link-usage';
import { parseOptions } from './options';
import { storeClientFrom } from './store-options';
import { openWorkbookFile, unreadableWorkbook, saveWorkbookFile } from './workbook-file';

/** Writes a link into a saved workbook and registers it with the store; changes nothing else in the file. */
export async function runLink(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    sheet: { type: 'string' },
    values: { type: 'string' },
    periods: { type: 'string' },
    period: { type: 'string' },
    kpi: { type: 'string' },
    scale: { type: 'string' },
    'fiscal-year-start': { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
  });
  const file = positionals[0];
  if (!values.sheet || !values.values || !values.kpi)
    throw new CliError(`--sheet, --values and --kpi are required.\n${LINK_USAGE}`);
  if ((values.periods === undefined) === (values.period === undefined)) {
    throw new CliError(
      `Give either --periods RANGE (a header of periods) or --period KEY (one fixed period).\n${LINK_USAGE}`,
    );
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale === 0)
    throw new CliError(`--scale must be a non-zero number, not "${values.scale}".`);
  const fiscal = values['fiscal-year-start'] === undefined ? 1 : Number(values['fiscal-year-start']);
  if (!Number.isInteger(fiscal) || fiscal < 1 || fiscal > 12) {
    throw new CliError(
      `--fiscal-year-start must be a month number 1–12, not "${values['fiscal-year-start']}".`,
    );
  }
  const store = storeClientFrom(values, 'link');
  const workbook = await openWorkbookFile(file);
  try {
    const result = await linkRange(workbook, store, {
      sheet: values.sheet,
      values: values.values,
      periods: values.periods,
      period: values.period,
      kpiIds: values.kpi
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
      scale,
      fiscalYearStartMonth: fiscal,
    });
    await saveWorkbookFile(file!, workbook);
    const periods = [...new Set(result.cells.map((c) => c.period))];
    console.log(
      `${result.replaced ? 'Updated' : 'Linked'} ${result.sheet}!${result.address} (${result.link.layout}, ${result.cells.length} cells) ` +
        `to ${result.link.kpiIds.join(', ')} for ${periods[0]}${periods.length > 1 ? `…${periods[periods.length - 1]}` : ''}` +
        `${scale !== 1 ? `, scale ${scale}` : ''}.`,
    );
    console.log(`Defined name ${result.link.name}; store link ${result.link.id}.`);
    return 0;
  } catch (error) {
    if (error instanceof WorkbookLinkError)
      throw new CliError(`nothing was written:\n  ${error.problems.join('\n  ')}`);
    if (error instanceof PlumblineError) throw new CliError(`the store refused: ${error.message}`);
    // The _plumbline rows are not what Plumbline wrote (edited by hand, or by a newer version).
    if (error instanceof LinkFormatError) throw new CliError(`nothing was written:\n  ${error.message}`);
    throw unreadableWorkbook(file!, error) ?? error;
  }
}
