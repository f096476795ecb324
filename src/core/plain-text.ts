/**
 * Text the store accepts in names, notes and labels. Control characters have no
 * place in a name (they hide text in terminals and logs, and break a sheet's
 * cells), a NUL cannot be stored at all by PostgreSQL, and a lone surrogate is
 * not Unicode: every driver would store a replacement character instead, so the
 * stored text would differ from what was sent. Refused here, before anything is
 * stored, in the pane as in the store.
 */
import { z } from 'zod';

/** C0 controls but tab, LF and CR; DEL; C1 controls. (Matching control characters is the point here.) */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * True when `text` holds a surrogate that is not half of a pair. (A loop, not a
 * regex with lookbehind or `isWellFormed`, so older Office web views run it too.)
 */
export function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** One line of text: a name, a label, an address. */
export function singleLineText(schema: z.ZodString = z.string()) {
  return schema
    .refine((s) => !ANY_CONTROL.test(s), 'must not contain control characters')
    .refine((s) => !hasLoneSurrogate(s), 'must be valid Unicode (a lone surrogate is not)');
}

/** A note of several lines: tabs and line breaks are allowed, other control characters are not. */
export function multiLineText(schema: z.ZodString = z.string()) {
  return schema
    .refine(
      (s) => !CONTROL_BUT_LINE_BREAKS.test(s),
      'must not contain control characters but tabs and line breaks',
    )
    .refine((s) => !hasLoneSurrogate(s), 'must be valid Unicode (a lone surrogate is not)');
}

/**
 * A cell's own text (an unreadable value), kept as the sheet had it: only what
 * cannot be stored faithfully is refused (NUL, lone surrogates).
 */
export function cellText(schema: z.ZodString = z.string()) {
  return schema
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .refine((s) => !hasLoneSurrogate(s), 'must be valid Unicode (a lone surrogate is not)');
}
