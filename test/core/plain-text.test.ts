import { z } from 'zod';
import { cellText, hasLoneSurrogate, multiLineText, singleLineText } from '../../src/core/plain-text';

test('lone surrogates are found, pairs are not', () => {
  expect(['a\ud800', '\udfff', 'a\udbffA', '\ud83d'].map(hasLoneSurrogate)).toEqual([true, true, true, true]);
  expect(['📈', 'plain', 'e\u0301', ''].map(hasLoneSurrogate)).toEqual([false, false, false, false]);
});

test('names refuse every control character; notes allow tabs and line breaks; cell text only NUL', () => {
  const name = singleLineText();
  const note = multiLineText();
  const cell = cellText();
  const ok = (schema: z.ZodType, text: string) => schema.safeParse(text).success;
  expect(['Ann', 'Zoë 📈', 'a\u2028b', 'a\u202eb'].map((t) => ok(name, t))).toEqual([true, true, true, true]);
  expect(
    ['a\nb', 'a\tb', 'a\u0000', 'a\u0007', 'a\u007f', 'a\u0085', 'a\ud800'].map((t) => ok(name, t)),
  ).toEqual([false, false, false, false, false, false, false]);
  expect(['a\nb', 'a\r\nb', 'a\tb'].map((t) => ok(note, t))).toEqual([true, true, true]);
  expect(['a\u0000', 'a\u001b[31m', 'a\b', 'a\udc00'].map((t) => ok(note, t))).toEqual([
    false,
    false,
    false,
    false,
  ]);
  expect(['#N/A\u0007', 'a\nb'].map((t) => ok(cell, t))).toEqual([true, true]);
  expect(['a\u0000', 'a\ud800'].map((t) => ok(cell, t))).toEqual([false, false]);
});
