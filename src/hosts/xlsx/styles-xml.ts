/**
 * Cell styles for Plumbline's own sheets, added to styles.xml by appending
 * only: new `<numFmt>`, `<font>`, `<fill>` and `<xf>` entries go at the end of
 * their lists, so every style index the user's sheets use keeps its meaning.
 * styles.xml is touched only when a sheet Plumbline writes asks for a format.
 */
import { applyEdits, type TextEdit } from './package';
import { childrenOf, escapeXmlAttr, rootElement, type XmlElement } from './xml-text';

export interface CellStyle {
  numberFormat: string;
  /** `#RRGGBB`, or `''` for no fill. */
  fill: string;
  bold: boolean;
  indent: number;
}

export const PLAIN_STYLE: CellStyle = { numberFormat: 'General', fill: '', bold: false, indent: 0 };

export function isPlainStyle(style: CellStyle): boolean {
  return style.numberFormat === 'General' && style.fill === '' && !style.bold && style.indent === 0;
}

export function styleKey(style: CellStyle): string {
  return JSON.stringify([style.numberFormat, style.fill.toUpperCase(), style.bold, style.indent]);
}

/** Built-in number formats every spreadsheet application knows by id (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** The id of a `<numFmt>` anywhere in styles.xml (any prefix). */
const NUM_FMT_ID = /<(?:[\w.-]+:)?numFmt\s[^>]*?\bnumFmtId\s*=\s*["'](\d+)["']/g;

/** Appends `text` to a list element and sets its `count` attribute (when it has one) to `count`. */
function appendToList(xml: string, element: XmlElement, text: string, count: number): TextEdit[] {
  const openTag = xml.slice(element.start, element.openEnd);
  const counted = openTag.replace(
    /(\scount\s*=\s*)(["'])[^"']*\2/,
    (_, lead: string, q: string) => `${lead}${q}${count}${q}`,
  );
  if (element.selfClosing) {
    const open = counted.replace(/\s*\/>$/, '>');
    return [{ start: element.start, end: element.end, insert: `${open}${text}</${element.name}>` }];
  }
  const edits: TextEdit[] = [{ start: element.closeStart, end: element.closeStart, insert: text }];
  if (counted !== openTag) edits.push({ start: element.start, end: element.openEnd, insert: counted });
  return edits;
}

/**
 * Appends what the styles need to styles.xml and answers the `s` index of each
 * style (0 for the plain style, which needs nothing).
 */
export function addCellStyles(stylesXml: string, styles: CellStyle[]): { xml: string; indexes: number[] } {
  const wanted = styles.filter((s) => !isPlainStyle(s));
  if (wanted.length === 0) return { xml: stylesXml, indexes: styles.map(() => 0) };
  const root = rootElement(stylesXml);
  const p = root.prefix ? `${root.prefix}:` : '';
  const children = childrenOf(stylesXml, root);
  const find = (local: string) => children.find((e) => e.local === local);
  const fontsEl = find('fonts');
  const fillsEl = find('fills');
  const xfsEl = find('cellXfs');
  if (!fontsEl || !fillsEl || !xfsEl)
    throw new Error('styles.xml has no fonts, fills or cellXfs to add formats to');
  const numFmtsEl = find('numFmts');
  const edits: TextEdit[] = [];

  // Number formats: a built-in id, an existing custom one with the same code, or a new one.
  const numFmtChildren = numFmtsEl
    ? childrenOf(stylesXml, numFmtsEl).filter((e) => e.local === 'numFmt')
    : [];
  const formatIds = new Map<string, number>(Object.entries(BUILT_IN_FORMATS));
  for (const e of numFmtChildren) {
    const id = Number(e.attrs.numFmtId);
    if (e.attrs.formatCode !== undefined && Number.isInteger(id) && !formatIds.has(e.attrs.formatCode))
      formatIds.set(e.attrs.formatCode, id);
  }
  // New ids go past every <numFmt> of the file, those of conditional formats (<dxfs>, extLst) included.
  let maxId = 163;
  for (const m of stylesXml.matchAll(NUM_FMT_ID)) maxId = Math.max(maxId, Number(m[1]));
  const newFormats: string[] = [];
  for (const s of wanted) {
    if (formatIds.has(s.numberFormat)) continue;
    maxId++;
    formatIds.set(s.numberFormat, maxId);
    newFormats.push(`<${p}numFmt numFmtId="${maxId}" formatCode="${escapeXmlAttr(s.numberFormat)}"/>`);
  }
  if (newFormats.length > 0) {
    const count = numFmtChildren.length + newFormats.length;
    if (numFmtsEl) {
      edits.push(...appendToList(stylesXml, numFmtsEl, newFormats.join(''), count));
    } else {
      edits.push({
        start: root.openEnd,
        end: root.openEnd,
        insert: `<${p}numFmts count="${count}">${newFormats.join('')}</${p}numFmts>`,
      });
    }
  }

  // A bold font: the default font (index 0) with <b/>.
  const fonts = childrenOf(stylesXml, fontsEl).filter((e) => e.local === 'font');
  let boldFont = -1;
  if (wanted.some((s) => s.bold)) {
    const base = fonts[0];
    const baseInner =
      base && !base.selfClosing
        ? stylesXml.slice(base.openEnd, base.closeStart).replace(/<([\w]+:)?b\s*\/>/, '')
        : '';
    boldFont = fonts.length;
    edits.push(
      ...appendToList(stylesXml, fontsEl, `<${p}font><${p}b/>${baseInner}</${p}font>`, fonts.length + 1),
    );
  }

  // Solid fills.
  const fills = childrenOf(stylesXml, fillsEl).filter((e) => e.local === 'fill');
  const fillIds = new Map<string, number>();
  const newFills: string[] = [];
  for (const s of wanted) {
    const colour = s.fill.toUpperCase();
    if (colour === '' || fillIds.has(colour)) continue;
    fillIds.set(colour, fills.length + newFills.length);
    newFills.push(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${colour.slice(1)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }
  if (newFills.length > 0) {
    edits.push(...appendToList(stylesXml, fillsEl, newFills.join(''), fills.length + newFills.length));
  }

  // One xf per distinct style.
  const xfs = childrenOf(stylesXml, xfsEl).filter((e) => e.local === 'xf');
  const xfIds = new Map<string, number>();
  const newXfs: string[] = [];
  for (const s of wanted) {
    const key = styleKey(s);
    if (xfIds.has(key)) continue;
    xfIds.set(key, xfs.length + newXfs.length);
    const numFmtId = formatIds.get(s.numberFormat) ?? 0;
    const fontId = s.bold ? boldFont : 0;
    const fillId = s.fill ? (fillIds.get(s.fill.toUpperCase()) ?? 0) : 0;
    const applies = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
      s.bold ? ' applyFont="1"' : '',
      s.fill ? ' applyFill="1"' : '',
      s.indent > 0 ? ' applyAlignment="1"' : '',
    ].join('');
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}`;
    newXfs.push(
      s.indent > 0 ? `${open}><${p}alignment horizontal="left" indent="${s.indent}"/></${p}xf>` : `${open}/>`,
    );
  }
  edits.push(...appendToList(stylesXml, xfsEl, newXfs.join(''), xfs.length + newXfs.length));

  return {
    xml: applyEdits(stylesXml, edits),
    indexes: styles.map((s) => (isPlainStyle(s) ? 0 : (xfIds.get(styleKey(s)) ?? 0))),
  };
}
