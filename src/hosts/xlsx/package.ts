/**
 * The parts of an .xlsx package (an Open Packaging Conventions zip) that
 * Plumbline reads to find its way around, and the text edits it makes to the
 * few parts it owns: its sheets' parts, one `<sheet>` per new sheet and the
 * `<definedNames>` of the workbook part, the workbook's relationships and the
 * content types. Every other part is left byte for byte as it was.
 */
import type JSZip from 'jszip';
import type { SheetVisibility } from '../host';
import { readPartText } from './part-stream';
import { dtdRefusal, malformedPart, UnsupportedWorkbookError } from './workbook-errors';
import {
  childrenOf,
  escapeXmlAttr,
  escapeXmlText,
  prefixFor,
  rootElement,
  textOf,
  type XmlElement,
} from './xml-text';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const WORKSHEET_REL_TYPE = `${REL_NS}/worksheet`;
export const WORKSHEET_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface Relationship {
  id: string;
  type: string;
  /** The last segment of the type URI: `worksheet`, `chartsheet`, `styles`, `sharedStrings`… */
  kind: string;
  target: string;
  external: boolean;
  /** The zip entry the target resolves to (internal targets only). */
  path: string | undefined;
}

export interface PackageSheet {
  name: string;
  sheetId: number;
  visibility: SheetVisibility;
  relId: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`… */
  kind: string;
  path: string | undefined;
}

export interface PackageName {
  name: string;
  /** Set for a name scoped to one sheet (by its position in `<sheets>`). */
  localSheetId: number | undefined;
  formula: string;
}

export interface PackageLayout {
  /** Zip entry names as stored. */
  entries: string[];
  workbookPath: string;
  workbookRelsPath: string;
  workbookXml: string;
  relsXml: string;
  contentTypesXml: string;
  sheets: PackageSheet[];
  names: PackageName[];
  relationships: Relationship[];
  date1904: boolean;
}

/** Resolves a relationship target against the folder of its source part (`xl`), as a zip entry name. */
export function resolveTarget(sourceDir: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target that is not valid percent-encoding is used as written.
  }
  const segments = decoded.startsWith('/') ? [] : sourceDir.split('/').filter(Boolean);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(path: string): string {
  const dir = dirOf(path);
  const file = path.slice(dir ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ''}_rels/${file}.rels`;
}

/** Finds a zip entry by part name; OPC part names are case-insensitive. */
export function findEntry(entries: string[], path: string): string | undefined {
  if (entries.includes(path)) return path;
  const lower = path.toLowerCase();
  return entries.find((e) => e.toLowerCase() === lower);
}

/** A small part whole, refused when it declares a DTD (see workbook-errors.ts). */
async function readText(zip: JSZip, path: string | undefined): Promise<string | undefined> {
  if (!path || !zip.file(path)) return undefined;
  const text = await readPartText(zip, path);
  if (/<!DOCTYPE/i.test(text)) throw dtdRefusal(path);
  return text;
}

export function parseRelationships(xml: string, sourceDir: string, entries: string[]): Relationship[] {
  const root = rootElement(xml);
  return childrenOf(xml, root)
    .filter((e) => e.local === 'Relationship')
    .map((e) => {
      const type = e.attrs.Type ?? '';
      const target = e.attrs.Target ?? '';
      const external = e.attrs.TargetMode === 'External';
      return {
        id: e.attrs.Id ?? '',
        type,
        kind: type.slice(type.lastIndexOf('/') + 1),
        target,
        external,
        path: external
          ? undefined
          : (findEntry(entries, resolveTarget(sourceDir, target)) ?? resolveTarget(sourceDir, target)),
      };
    });
}

function attrByLocal(element: XmlElement, local: string): string | undefined {
  for (const [name, value] of Object.entries(element.attrs)) {
    if (name === local || name.endsWith(`:${local}`)) return value;
  }
  return undefined;
}

function visibilityOf(state: string | undefined): SheetVisibility {
  return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
}

export { UnsupportedWorkbookError };

/** Reads the package's map: where the workbook part is, its sheets, names and relationships. */
export async function readPackageLayout(zip: JSZip): Promise<PackageLayout> {
  try {
    return await readLayout(zip);
  } catch (error) {
    if (error instanceof UnsupportedWorkbookError) throw error;
    throw malformedPart(
      "the workbook's structure (content types, relationships or workbook.xml)",
      error instanceof Error ? error.message : String(error),
    );
  }
}

async function readLayout(zip: JSZip): Promise<PackageLayout> {
  const entries = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
  const contentTypesXml = await readText(zip, findEntry(entries, '[Content_Types].xml'));
  const rootRelsXml = await readText(zip, findEntry(entries, '_rels/.rels'));
  if (contentTypesXml === undefined || rootRelsXml === undefined) {
    throw new UnsupportedWorkbookError(
      'This file is not an .xlsx workbook (no [Content_Types].xml or _rels/.rels).',
    );
  }
  const officeDocument = parseRelationships(rootRelsXml, '', entries).find(
    (r) => r.kind === 'officeDocument',
  );
  const workbookPath = officeDocument?.path && findEntry(entries, officeDocument.path);
  if (!workbookPath) throw new UnsupportedWorkbookError('This file has no workbook part.');
  const workbookXml = (await readText(zip, workbookPath)) ?? '';
  const workbookRelsPath = findEntry(entries, relsPathOf(workbookPath)) ?? relsPathOf(workbookPath);
  const relsXml =
    (await readText(zip, findEntry(entries, workbookRelsPath))) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}"></Relationships>`;
  const relationships = parseRelationships(relsXml, dirOf(workbookPath), entries);

  const root = rootElement(workbookXml);
  const mainNs = root.prefix ? root.attrs[`xmlns:${root.prefix}`] : root.attrs.xmlns;
  if (mainNs === STRICT_MAIN_NS) {
    throw new UnsupportedWorkbookError(
      'Strict Open XML workbooks are not supported; save as an Excel Workbook (.xlsx).',
    );
  }
  if (mainNs !== MAIN_NS) throw new UnsupportedWorkbookError('This file is not a SpreadsheetML workbook.');
  const children = childrenOf(workbookXml, root);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheetsElement = children.find((e) => e.local === 'sheets');
  const sheets: PackageSheet[] = (sheetsElement ? childrenOf(workbookXml, sheetsElement) : [])
    .filter((e) => e.local === 'sheet')
    .map((e) => {
      const relId = attrByLocal(e, 'id') ?? '';
      const rel = byId.get(relId);
      return {
        name: e.attrs.name ?? '',
        sheetId: Number(e.attrs.sheetId ?? 0),
        visibility: visibilityOf(e.attrs.state),
        relId,
        kind: rel?.kind ?? 'unknown',
        path: rel?.path,
      };
    });
  const namesElement = children.find((e) => e.local === 'definedNames');
  const names: PackageName[] = (namesElement ? childrenOf(workbookXml, namesElement) : [])
    .filter((e) => e.local === 'definedName')
    .map((e) => ({
      name: e.attrs.name ?? '',
      localSheetId: e.attrs.localSheetId === undefined ? undefined : Number(e.attrs.localSheetId),
      formula: textOf(workbookXml, e),
    }));
  const workbookPr = children.find((e) => e.local === 'workbookPr');
  const date1904 = ['1', 'true'].includes(workbookPr?.attrs.date1904 ?? '');
  return {
    entries,
    workbookPath,
    workbookRelsPath,
    workbookXml,
    relsXml,
    contentTypesXml,
    sheets,
    names,
    relationships,
    date1904,
  };
}

/** One text edit: replace `[start, end)` with `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/** Applies non-overlapping edits (positions in the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
  return out;
}

/** A new sheet to register in the workbook. */
export interface NewSheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  visibility: SheetVisibility;
  /** Target relative to the workbook part's folder (`worksheets/sheet3.xml`). */
  target: string;
  /** Zip entry name (`xl/worksheets/sheet3.xml`). */
  path: string;
}

/** A workbook-level defined name to write. */
export interface NameEntry {
  name: string;
  formula: string;
}

/**
 * Edits workbook.xml: appends `<sheet>` elements at the end of `<sheets>`
 * (appending keeps every `localSheetId` valid), removes the workbook-level
 * names in `remove` (case-insensitive, as Excel compares names), and adds
 * `add`. `<definedNames>` is created where the schema wants it (after
 * `sheets`, `functionGroups`, `externalReferences`) and dropped when it ends
 * up empty (an empty one is invalid).
 */
export function editWorkbookXml(
  xml: string,
  newSheets: NewSheetEntry[],
  remove: Set<string>,
  add: NameEntry[],
): string {
  const root = rootElement(xml);
  const p = root.prefix ? `${root.prefix}:` : '';
  const children = childrenOf(xml, root);
  const edits: TextEdit[] = [];

  const sheetsElement = children.find((e) => e.local === 'sheets');
  if (!sheetsElement || sheetsElement.selfClosing)
    throw new UnsupportedWorkbookError('The workbook part has no sheets.');
  if (newSheets.length > 0) {
    const relPrefix = prefixFor(root, REL_NS) ?? prefixFor(sheetsElement, REL_NS);
    const idAttr =
      relPrefix === undefined || relPrefix === ''
        ? (id: string) => `xmlns:pl_r="${REL_NS}" pl_r:id="${escapeXmlAttr(id)}"`
        : (id: string) => `${relPrefix}:id="${escapeXmlAttr(id)}"`;
    const text = newSheets
      .map((s) => {
        const state = s.visibility === 'visible' ? '' : ` state="${s.visibility}"`;
        return `<${p}sheet name="${escapeXmlAttr(s.name)}" sheetId="${s.sheetId}"${state} ${idAttr(s.relId)}/>`;
      })
      .join('');
    edits.push({ start: sheetsElement.closeStart, end: sheetsElement.closeStart, insert: text });
  }

  const namesElement = children.find((e) => e.local === 'definedNames');
  const upperRemove = new Set([...remove, ...add.map((n) => n.name)].map((n) => n.toUpperCase()));
  const addText = add
    .map(
      (n) => `<${p}definedName name="${escapeXmlAttr(n.name)}">${escapeXmlText(n.formula)}</${p}definedName>`,
    )
    .join('');
  if (namesElement) {
    const existing = childrenOf(xml, namesElement);
    const removed = existing.filter(
      (e) =>
        e.local === 'definedName' &&
        e.attrs.localSheetId === undefined &&
        upperRemove.has((e.attrs.name ?? '').toUpperCase()),
    );
    const kept = existing.length - removed.length;
    if (kept === 0 && add.length === 0) {
      if (removed.length > 0) edits.push({ start: namesElement.start, end: namesElement.end, insert: '' });
    } else {
      for (const e of removed) edits.push({ start: e.start, end: e.end, insert: '' });
      if (add.length > 0) {
        if (namesElement.selfClosing) {
          const openTag = xml.slice(namesElement.start, namesElement.end).replace(/\s*\/>$/, '>');
          edits.push({
            start: namesElement.start,
            end: namesElement.end,
            insert: `${openTag}${addText}</${namesElement.name}>`,
          });
        } else {
          edits.push({ start: namesElement.closeStart, end: namesElement.closeStart, insert: addText });
        }
      }
    }
  } else if (add.length > 0) {
    const before = ['externalReferences', 'functionGroups', 'sheets']
      .map((local) => children.find((e) => e.local === local))
      .find((e): e is XmlElement => e !== undefined);
    const at = (before ?? sheetsElement).end;
    edits.push({ start: at, end: at, insert: `<${p}definedNames>${addText}</${p}definedNames>` });
  }
  return applyEdits(xml, edits);
}

/** Appends relationships to a relationships part. */
export function addRelationships(xml: string, rels: { id: string; type: string; target: string }[]): string {
  if (rels.length === 0) return xml;
  const root = rootElement(xml);
  const p = root.prefix ? `${root.prefix}:` : '';
  const text = rels
    .map(
      (r) =>
        `<${p}Relationship Id="${escapeXmlAttr(r.id)}" Type="${escapeXmlAttr(r.type)}" Target="${escapeXmlAttr(r.target)}"/>`,
    )
    .join('');
  if (root.selfClosing) {
    const openTag = xml.slice(root.start, root.end).replace(/\s*\/>$/, '>');
    return applyEdits(xml, [
      { start: root.start, end: root.end, insert: `${openTag}${text}</${root.name}>` },
    ]);
  }
  return applyEdits(xml, [{ start: root.closeStart, end: root.closeStart, insert: text }]);
}

/** Appends `<Override>` content types for new parts. */
export function addContentTypeOverrides(xml: string, parts: { path: string; contentType: string }[]): string {
  if (parts.length === 0) return xml;
  const root = rootElement(xml);
  const p = root.prefix ? `${root.prefix}:` : '';
  const text = parts
    .map(
      (part) =>
        `<${p}Override PartName="${escapeXmlAttr(`/${part.path}`)}" ContentType="${escapeXmlAttr(part.contentType)}"/>`,
    )
    .join('');
  return applyEdits(xml, [{ start: root.closeStart, end: root.closeStart, insert: text }]);
}

/** A relationship id not used yet: `rId<n>` above every existing numbered id. */
export function nextRelationshipIds(relationships: Relationship[], count: number): string[] {
  const used = new Set(relationships.map((r) => r.id));
  let n = relationships.reduce((max, r) => {
    const m = /^rId(\d+)$/.exec(r.id);
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
  const ids: string[] = [];
  while (ids.length < count) {
    n++;
    const id = `rId${n}`;
    if (!used.has(id)) ids.push(id);
  }
  return ids;
}

/** Free zip entry names `<dir>/worksheets/sheet<n>.xml` (case-insensitively unused). */
export function freeWorksheetPaths(layout: PackageLayout, count: number): { path: string; target: string }[] {
  const dir = dirOf(layout.workbookPath);
  const taken = new Set(layout.entries.map((e) => e.toLowerCase()));
  for (const r of layout.relationships) if (r.path) taken.add(r.path.toLowerCase());
  const out: { path: string; target: string }[] = [];
  for (let n = 1; out.length < count; n++) {
    const target = `worksheets/sheet${n}.xml`;
    const path = dir ? `${dir}/${target}` : target;
    if (taken.has(path.toLowerCase())) continue;
    taken.add(path.toLowerCase());
    out.push({ path, target });
  }
  return out;
}
