/**
 * The caps on what one part may inflate to, each on its own: the hostile
 * files (test/cli/hostile-files.test.ts) meet them through whole commands,
 * but a 1 GB part that compresses only 10× would take minutes to build, so the
 * absolute cap is shown here with small limits.
 */
import JSZip from 'jszip';
import { readPartText, streamPart, STOP } from '../../../src/hosts/xlsx/part-stream';

async function zipWith(text: string): Promise<JSZip> {
  const zip = new JSZip();
  zip.file('part.xml', text);
  return JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

// Random-looking text compresses about 2×: only the absolute cap can stop it.
const incompressible = (n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 89))).join('');

test('a part past the absolute cap is refused, by what it declares', async () => {
  const zip = await zipWith(incompressible(200_000));
  await expect(
    readPartText(zip, 'part.xml', { maxChars: 40_000, maxRatio: 1000, ratioGrace: 0 }),
  ).rejects.toThrow(/says it inflates to 200,000 bytes.*zip bomb/);
});

test('a part past the absolute cap is refused as it inflates, whatever it declares', async () => {
  const zip = await zipWith(incompressible(200_000));
  // What the central directory said, as a lying file would.
  (zip.file('part.xml') as unknown as { _data: { uncompressedSize: number } })._data.uncompressedSize = 10;
  await expect(
    readPartText(zip, 'part.xml', { maxChars: 150_000, maxRatio: 1000, ratioGrace: 0 }),
  ).rejects.toThrow(/inflates past 150,000 characters.*zip bomb/);
});

test('within the caps the text is whole, and a reader may stop early', async () => {
  const text = incompressible(100_000);
  const zip = await zipWith(text);
  expect(await readPartText(zip, 'part.xml')).toBe(text);
  let chunks = 0;
  await streamPart(zip, 'part.xml', () => (chunks++, STOP));
  expect(chunks).toBe(1);
});
