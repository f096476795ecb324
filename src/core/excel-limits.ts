/**
 * Excel's limits that more than one layer relies on: the hosts refuse what
 * would break them before writing anything, and the simulated Excel refuses
 * it as Excel does. One number, so the two cannot drift apart.
 */

/**
 * The most characters (UTF-16 code units, as Excel counts them) one cell's
 * text may hold. Google Sheets allows 50,000; the port keeps to Excel's, so a
 * workbook written by any host opens in Excel.
 */
export const MAX_CELL_TEXT = 32_767;
