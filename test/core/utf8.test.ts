import { utf8Length } from '../../src/core/utf8';

test.each([
  '',
  'abc',
  '"=C5-6.4"',
  'é',
  'Données',
  '€1,234',
  '—',
  '日本語',
  '😀',
  'a😀b🎉',
  '\u0000\u007f\u0080\u07ff\u0800\uffff',
])('%j is as long as its UTF-8 encoding', (text) => {
  expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
});
