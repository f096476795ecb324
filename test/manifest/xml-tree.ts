/**
 * A small, strict XML reader for the manifest checks: elements, attributes and
 * text, nothing more. It refuses what Office's parser refuses too (unbalanced
 * tags, `--` inside a comment), so a check never passes on a file Office cannot read.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag, for messages. */
  line: number;
}

const TOKEN =
  /<!--([\s\S]*?)-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)\s*=\s*"([^"]*)"/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, line: number): string {
  return text.replace(/&(\w+);/g, (whole, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`line ${line}: unknown entity ${whole}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  for (const match of source.matchAll(TOKEN)) {
    const [whole, comment, closing, name, attributes, selfClosing, text, stray] = match;
    if (stray) throw new Error(`line ${line}: "<" that starts no tag`);
    if (comment !== undefined && comment.includes('--'))
      throw new Error(`line ${line}: "--" inside a comment`);
    if (name) {
      if (closing) {
        const open = stack.pop();
        if (open?.name !== name)
          throw new Error(`line ${line}: </${name}> closes <${open?.name ?? 'nothing'}>`);
      } else {
        const element: XmlElement = { name, attributes: {}, children: [], text: '', line };
        for (const [, key, value] of attributes!.matchAll(ATTRIBUTE))
          element.attributes[key!] = decode(value!, line);
        const parent = stack.at(-1);
        if (parent) parent.children.push(element);
        else if (root) throw new Error(`line ${line}: a second root element <${name}>`);
        else root = element;
        if (!selfClosing) stack.push(element);
      }
    } else if (text !== undefined) {
      const parent = stack.at(-1);
      if (parent) parent.text += decode(text, line);
      else if (text.trim()) throw new Error(`line ${line}: text outside the root element`);
    }
    line += (whole.match(/\n/g) ?? []).length;
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of the tree, depth first, with its parent. */
export function* walk(
  element: XmlElement,
  parent: XmlElement | null = null,
): Generator<{ element: XmlElement; parent: XmlElement | null }> {
  yield { element, parent };
  for (const child of element.children) yield* walk(child, element);
}
