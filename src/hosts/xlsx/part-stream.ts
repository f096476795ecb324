/**
 * Reading one part of the package as text, a chunk at a time, never more of
 * it than a workbook can honestly hold. A zip entry says how big it is, but a
 * hostile file can lie, and a few compressed megabytes can inflate to
 * gigabytes (a zip bomb): so the declared sizes are checked before anything
 * is inflated, and the inflated text is counted as it comes, and reading stops
 * at the first limit it crosses.
 */
import type JSZip from 'jszip';
import { UnsupportedWorkbookError } from './workbook-errors';

export interface InflateLimits {
  /** Characters of one part, whatever its compression. */
  maxChars: number;
  /** Inflated characters per compressed byte, checked once past `ratioGrace`. */
  maxRatio: number;
  /** Characters inflated before the ratio counts: small parts compress oddly well. */
  ratioGrace: number;
}

/**
 * Real worksheets compress 5–30×, very repetitive ones (empty formatted rows)
 * rarely past 100×; a zip bomb is near deflate's 1,032×. A 1,048,576-row sheet
 * of a few columns is well under 1 GB of XML.
 */
export const PART_LIMITS: InflateLimits = { maxChars: 1_000_000_000, maxRatio: 250, ratioGrace: 8_000_000 };

/** The parts read whole into memory (the workbook, relationships, content types, styles). */
export const SMALL_PART_LIMITS: InflateLimits = { ...PART_LIMITS, maxChars: 64_000_000 };

/** jszip's own streaming, which works in browsers too; its typings leave it out. */
interface InternalStream {
  on(event: 'data', listener: (chunk: string) => void): InternalStream;
  on(event: 'error', listener: (error: unknown) => void): InternalStream;
  on(event: 'end', listener: () => void): InternalStream;
  resume(): InternalStream;
  pause(): InternalStream;
}

/** jszip keeps the central directory's sizes on the entry; its typings leave them out. */
interface EntrySizes {
  _data?: { compressedSize?: number; uncompressedSize?: number };
}

function tooBig(path: string, why: string): UnsupportedWorkbookError {
  return new UnsupportedWorkbookError(
    `${path} ${why}: refused as a possible zip bomb (an .xlsx part is never this big).`,
  );
}

/** Stops reading a part from inside a chunk handler, without an error. */
export const STOP = Symbol('stop');

/**
 * Streams a part's text to `onChunk` (chunks split anywhere, even inside a
 * tag). `onChunk` may return {@link STOP} to end early. Rejects, having
 * inflated no further, when a limit is crossed or `onChunk` throws.
 */
export function streamPart(
  zip: JSZip,
  path: string,
  onChunk: (text: string) => void | typeof STOP,
  limits: InflateLimits = PART_LIMITS,
): Promise<void> {
  const file = zip.file(path);
  if (!file) return Promise.reject(new UnsupportedWorkbookError(`The part ${path} is missing.`));
  const sizes = (file as unknown as EntrySizes)._data;
  const compressed = Math.max(sizes?.compressedSize ?? 0, 1);
  const declared = sizes?.uncompressedSize ?? 0;
  if (declared > limits.maxChars * 4) {
    return Promise.reject(tooBig(path, `says it inflates to ${declared.toLocaleString('en')} bytes`));
  }
  if (declared > limits.ratioGrace && declared / compressed > limits.maxRatio) {
    return Promise.reject(
      tooBig(path, `says it inflates ${Math.round(declared / compressed)}× (${compressed} bytes compressed)`),
    );
  }
  const stream = (file as unknown as { internalStream(type: 'string'): InternalStream }).internalStream(
    'string',
  );
  return new Promise<void>((resolve, reject) => {
    let chars = 0;
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      if (error === undefined) resolve();
      else reject(error);
    };
    stream.on('data', (chunk) => {
      if (done) return;
      chars += chunk.length;
      if (chars > limits.maxChars) {
        finish(tooBig(path, `inflates past ${limits.maxChars.toLocaleString('en')} characters`));
        return;
      }
      if (chars > limits.ratioGrace && chars / compressed > limits.maxRatio) {
        finish(tooBig(path, `inflates more than ${limits.maxRatio}× its ${compressed} compressed bytes`));
        return;
      }
      try {
        if (onChunk(chunk) === STOP) finish();
      } catch (error) {
        finish(error);
      }
    });
    stream.on('error', (error) =>
      finish(
        new UnsupportedWorkbookError(
          `${path} cannot be inflated (the file is damaged): ${error instanceof Error ? error.message : String(error)}`,
        ),
      ),
    );
    stream.on('end', () => finish());
    stream.resume();
  });
}

/** A whole part as text, within `limits` (the small parts: workbook, relationships, styles). */
export async function readPartText(
  zip: JSZip,
  path: string,
  limits: InflateLimits = SMALL_PART_LIMITS,
): Promise<string> {
  const chunks: string[] = [];
  await streamPart(zip, path, (chunk) => void chunks.push(chunk), limits);
  return chunks.join('');
}
