/**
 * A part's XML as a stream of start tags, end tags and text (saxes), for the
 * parts too big to hold whole: worksheets and shared strings. A DTD is refused
 * the moment it is seen, so no entity beyond XML's five is ever expanded and
 * nothing outside the file is ever fetched; saxes itself expands none.
 */
import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { PART_LIMITS, streamPart, type InflateLimits } from './part-stream';
import { dtdRefusal, malformedPart } from './workbook-errors';

export interface XmlHandlers {
  /** A start tag, by local name (prefix dropped: parts may write `x:c`); `close` follows even when self-closing. */
  open(local: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(local: string): void;
  /** Text and CDATA, entity-decoded. */
  text(text: string): void;
}

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Streams the part at `path` through `handlers`; rejects on a DTD, bad XML or a crossed limit. */
export async function parsePart(
  zip: JSZip,
  path: string,
  handlers: XmlHandlers,
  limits: InflateLimits = PART_LIMITS,
): Promise<void> {
  const parser = new SaxesParser({ fileName: path });
  let failure: Error | undefined;
  parser.on('doctype', () => {
    throw dtdRefusal(path);
  });
  parser.on('error', (error) => {
    failure ??= malformedPart(path, error.message.replace(`${path}:`, 'at '));
  });
  parser.on('opentag', (tag) => {
    handlers.open(localOf(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing);
  });
  // saxes closes self-closing tags too.
  parser.on('closetag', (tag) => handlers.close(localOf(tag.name)));
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  await streamPart(
    zip,
    path,
    (chunk) => {
      parser.write(chunk);
      if (failure) throw failure;
    },
    limits,
  );
  parser.close();
  if (failure) throw failure;
}
