/** Workbooks built part by part to test how the styles part is read and added to. */
import { entriesOf, plainWorkbook, sheetXml, withParts } from '../../cli/hostile/hostile-workbooks';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * A styles part with `inner` between the fonts, fills and borders every
 * styles part has, and `cellXfs` (one `numFmtId` per cell style).
 */
export function stylesXml(cellXfs: number[], inner = '', after = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}" ` +
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    inner +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${cellXfs.length}">` +
    cellXfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('') +
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    `${after}</styleSheet>`
  );
}

/** The plain workbook with its sheet's rows `rows` and its styles part `styles`. */
export async function workbookWith(rows: string, styles: string): Promise<Uint8Array> {
  return withParts(await entriesOf(plainWorkbook()), {
    'xl/worksheets/sheet1.xml': sheetXml(rows),
    'xl/styles.xml': styles,
  });
}
