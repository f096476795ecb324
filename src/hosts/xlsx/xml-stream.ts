/**
 * A part's XML as a stream of start tags, end tags and text (saxes), for the
 * parts too big to hold whole: worksheets and shared strings. A DTD is refused
 * the moment it is seen, so no entity beyond XML's five is ever expanded and
 * nothing outside the file is ever fetched; saxes itself expands none.
 */
import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { PART_LIMITS, STOP, streamPart, type InflateLimits } from './part-stream';
import { dtdRefusal, malformedPart, UnsupportedWorkbookError } from './workbook-errors';

/**
 * Returned by `open` to stop parsing: the rest of the part goes to `tail` as
 * raw text. Returned by `tail`, stops reading the part.
 */
export const SKIP_REST = Symbol('skip rest');

export interface XmlHandlers {
  /** A start tag, by local name (prefix dropped: parts may write `x:c`); `close` follows even when self-closing. */
  open(local: string, attrs: Record<string, string>, selfClosing: boolean): void | typeof SKIP_REST;
  /**
   * After `open` returned {@link SKIP_REST}, the part's remaining text (events
   * of the chunk being parsed still arrive first), cut only between tags: a tag
   * the switch or a chunk's end cut in two comes whole in the next call. Without
   * it, reading stops.
   */
  tail?(text: string): void | typeof SKIP_REST;
  close(local: string): void;
  /** Text and CDATA, entity-decoded. */
  text(text: string): void;
}

/**
 * The most text the parser may hold between two events: a cell's text is at
 * most 32,767 characters and a tag a few hundred, but saxes buffers a text
 * node or a tag whole, so a part that is one endless run of either (a lying
 * zip bomb of whitespace) would otherwise fill memory before any cap on the
 * part's size is reached.
 */
export const MAX_RUN = 4_000_000;

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function runRefusal(path: string): UnsupportedWorkbookError {
  return new UnsupportedWorkbookError(
    `${path} holds a run of more than ${MAX_RUN.toLocaleString('en')} characters without markup: ` +
      'refused as a possible zip bomb (no spreadsheet part has one).',
  );
}

/** From the last `<` of `text` when no `>` follows it (a tag cut by the chunk's end), else ''. */
function unfinishedTag(text: string): string {
  const open = text.lastIndexOf('<');
  return open >= 0 && text.indexOf('>', open) < 0 ? text.slice(open) : '';
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
  let skipping = false;
  /** The unfinished tag at the end of the text seen so far, which `tail` gets with the next chunk. */
  let carry = '';
  /** Characters written since the parser last gave an event (saxes takes one handler per event). */
  let sinceEvent = 0;
  parser.on('doctype', () => {
    throw dtdRefusal(path);
  });
  parser.on('error', (error) => {
    failure ??= malformedPart(path, error.message.replace(`${path}:`, 'at '));
  });
  parser.on('opentag', (tag) => {
    sinceEvent = 0;
    if (
      handlers.open(localOf(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing) ===
      SKIP_REST
    ) {
      skipping = true;
    }
  });
  // saxes closes self-closing tags too.
  parser.on('closetag', (tag) => {
    sinceEvent = 0;
    handlers.close(localOf(tag.name));
  });
  const text = (t: string) => {
    sinceEvent = 0;
    handlers.text(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  await streamPart(
    zip,
    path,
    (chunk) => {
      if (skipping) {
        if (!handlers.tail) return STOP;
        const text = carry + chunk;
        carry = unfinishedTag(text);
        if (carry.length > MAX_RUN) throw runRefusal(path);
        if (handlers.tail(text.slice(0, text.length - carry.length)) !== SKIP_REST) return undefined;
        carry = '';
        return STOP;
      }
      // A chunk with an event in it resets the count; the text after that event is one chunk at most.
      sinceEvent += chunk.length;
      parser.write(chunk);
      if (failure) throw failure;
      if (sinceEvent > MAX_RUN) throw runRefusal(path);
      carry = skipping ? unfinishedTag(chunk) : '';
      return undefined;
    },
    limits,
  );
  if (skipping) {
    if (carry !== '') handlers.tail?.(carry);
    return;
  }
  parser.close();
  if (failure) throw failure;
}
