/**
 * Just enough XML to edit an Office package part as text: find elements and
 * their exact character offsets, so a change splices new text in and leaves
 * every other byte of the part as it was (a DOM round trip would rewrite
 * namespace declarations, quotes, whitespace and entity use).
 *
 * Handles comments, CDATA, processing instructions, a DOCTYPE without an
 * internal subset, attributes in either quote and `>` inside attribute values.
 */

export interface XmlElement {
  /** The name as written, with its prefix (`x:sheet`). */
  name: string;
  prefix: string;
  local: string;
  /** Attribute values, entity-decoded, by their written names (`r:id`). */
  attrs: Record<string, string>;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset of the end tag's `</` (equal to `openEnd` when self-closing). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
}

function malformed(at: number): Error {
  return new Error(`Malformed XML near offset ${at}`);
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

interface StartTag {
  name: string;
  attrs: Record<string, string>;
  end: number;
  selfClosing: boolean;
}

function parseStartTag(xml: string, lt: number): StartTag {
  let i = lt + 1;
  const nameStart = i;
  while (i < xml.length && !isSpace(xml[i]) && xml[i] !== '/' && xml[i] !== '>') i++;
  const name = xml.slice(nameStart, i);
  if (!name) throw malformed(lt);
  const attrs: Record<string, string> = {};
  for (;;) {
    while (isSpace(xml[i])) i++;
    if (i >= xml.length) throw malformed(lt);
    if (xml[i] === '/') {
      if (xml[i + 1] !== '>') throw malformed(i);
      return { name, attrs, end: i + 2, selfClosing: true };
    }
    if (xml[i] === '>') return { name, attrs, end: i + 1, selfClosing: false };
    const attrStart = i;
    while (i < xml.length && xml[i] !== '=' && !isSpace(xml[i]) && xml[i] !== '>') i++;
    const attrName = xml.slice(attrStart, i);
    while (isSpace(xml[i])) i++;
    if (xml[i] !== '=' || !attrName) throw malformed(i);
    i++;
    while (isSpace(xml[i])) i++;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") throw malformed(i);
    const close = xml.indexOf(quote, i + 1);
    if (close < 0) throw malformed(i);
    attrs[attrName] = decodeXml(xml.slice(i + 1, close));
    i = close + 1;
  }
}

/** Skips a comment, CDATA section, processing instruction or declaration at `lt`; -1 when it is none. */
function skipSpecial(xml: string, lt: number): number {
  const skipTo = (marker: string, from: number): number => {
    const at = xml.indexOf(marker, from);
    if (at < 0) throw malformed(lt);
    return at + marker.length;
  };
  if (xml.startsWith('<!--', lt)) return skipTo('-->', lt + 4);
  if (xml.startsWith('<![CDATA[', lt)) return skipTo(']]>', lt + 9);
  if (xml.startsWith('<?', lt)) return skipTo('?>', lt + 2);
  if (xml.startsWith('<!', lt)) return skipTo('>', lt + 2);
  return -1;
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0
    ? { prefix: '', local: name }
    : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

/** The elements directly inside `[from, to)` (a whole document, or an element's content). */
export function childElements(xml: string, from = 0, to = xml.length): XmlElement[] {
  const out: XmlElement[] = [];
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return out;
    const skipped = skipSpecial(xml, lt);
    if (skipped >= 0) {
      i = skipped;
      continue;
    }
    if (xml[lt + 1] === '/') throw malformed(lt);
    const tag = parseStartTag(xml, lt);
    const { prefix, local } = splitName(tag.name);
    if (tag.selfClosing) {
      out.push({ ...tag, prefix, local, start: lt, openEnd: tag.end, closeStart: tag.end, end: tag.end });
      i = tag.end;
      continue;
    }
    let depth = 1;
    let j = tag.end;
    let closeStart = -1;
    let end = -1;
    while (depth > 0) {
      const next = xml.indexOf('<', j);
      if (next < 0) throw malformed(lt);
      const skip = skipSpecial(xml, next);
      if (skip >= 0) {
        j = skip;
        continue;
      }
      if (xml[next + 1] === '/') {
        const gt = xml.indexOf('>', next);
        if (gt < 0) throw malformed(next);
        depth--;
        if (depth === 0) {
          if (xml.slice(next + 2, gt).trim() !== tag.name) throw malformed(next);
          closeStart = next;
          end = gt + 1;
        }
        j = gt + 1;
      } else {
        const inner = parseStartTag(xml, next);
        if (!inner.selfClosing) depth++;
        j = inner.end;
      }
    }
    out.push({
      name: tag.name,
      attrs: tag.attrs,
      prefix,
      local,
      start: lt,
      openEnd: tag.end,
      closeStart,
      end,
      selfClosing: false,
    });
    i = end;
  }
}

/** The document's root element. */
export function rootElement(xml: string): XmlElement {
  const root = childElements(xml)[0];
  if (!root) throw new Error('The XML part has no root element');
  return root;
}

/** The children of an element. */
export function childrenOf(xml: string, parent: XmlElement): XmlElement[] {
  return parent.selfClosing ? [] : childElements(xml, parent.openEnd, parent.closeStart);
}

/** The decoded text content of a simple element (no child elements expected; CDATA kept). */
export function textOf(xml: string, element: XmlElement): string {
  if (element.selfClosing) return '';
  const raw = xml.slice(element.openEnd, element.closeStart);
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const cdata = raw.indexOf('<![CDATA[', i);
    if (cdata < 0) {
      out += decodeXml(raw.slice(i).replace(/<[^>]*>/g, ''));
      break;
    }
    out += decodeXml(raw.slice(i, cdata).replace(/<[^>]*>/g, ''));
    const close = raw.indexOf(']]>', cdata);
    if (close < 0) throw malformed(element.openEnd + cdata);
    out += raw.slice(cdata + 9, close);
    i = close + 3;
  }
  return out;
}

/** The prefix bound to `namespace` by the element's own `xmlns:…` declarations ('' for a default one). */
export function prefixFor(element: XmlElement, namespace: string): string | undefined {
  for (const [name, value] of Object.entries(element.attrs)) {
    if (value !== namespace) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return name.slice(6);
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * Spreadsheet text (ST_Xstring) escaping: characters XML 1.0 cannot carry
 * (control characters other than tab, line feed and carriage return) are written
 * as `_xHHHH_`, and a literal `_xHHHH_` in the text is protected as
 * `_x005F_xHHHH_`, as Excel does.
 */
export function encodeXstring(text: string): string {
  const protectedText = text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
  let out = '';
  for (const ch of protectedText) {
    const code = ch.charCodeAt(0);
    const unwritable =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
    out += unwritable ? `_x${code.toString(16).toUpperCase().padStart(4, '0')}_` : ch;
  }
  return out;
}
