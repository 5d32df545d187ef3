/** Reading only the metadata parts of big files: the readings equal those of the whole file, and far fewer bytes are kept. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readMetadataBytes } from '../../../main/metadata/bounded-read';
import { readBytes, readFileMetadataInProcess } from '../../../main/metadata/read-in-process';
import { app1, buildTiff, pngChunk, spliceJpeg, splicePng, t, xmpPacket } from './fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Pixels that do not compress, so the image data is big (600 × 600 × 3 bytes). */
function noise(): ReturnType<typeof sharp> {
  const raw = Buffer.alloc(600 * 600 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((i * 2654435761) >>> 13) & 255;
  return sharp(raw, { raw: { width: 600, height: 600, channels: 3 } });
}

const keywords = (...k: string[]) =>
  `<dc:subject><rdf:Bag>${k.map((w) => `<rdf:li>${w}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`;

/** The reading from the metadata parts must equal the reading from all the bytes. */
async function expectSameAsWhole(file: string): Promise<void> {
  const whole = await readBytes(new Uint8Array(readFileSync(file)), path.basename(file));
  expect(await readFileMetadataInProcess(file)).toEqual(whole);
}

describe('readMetadataBytes', () => {
  it("keeps a big JPEG's segments and its end: EXIF, XMP, size and the end-of-image check", async () => {
    const tiff = buildTiff({ ifd0: { 0x010f: t.ascii('Fujifilm'), 0x0110: t.ascii('X-T3') } });
    const jpeg = spliceJpeg(await noise().jpeg({ quality: 100 }).toBuffer(), [
      app1.exif(tiff),
      app1.xmp(xmpPacket(keywords('harbour', 'dusk'))),
    ]);
    const file = write('big.jpg', jpeg);
    const { bytes, size } = await readMetadataBytes(file);
    expect(size).toBe(jpeg.length);
    expect(bytes.length).toBeLessThan(jpeg.length / 4);
    const md = await readFileMetadataInProcess(file);
    expect(md.fields).toMatchObject({ camera_model: 'Fujifilm X-T3', tags: ['harbour', 'dusk'] });
    expect(md).toMatchObject({ width: 600, height: 600, uploadable: true });
    await expectSameAsWhole(file);

    const cut = write('cut.jpg', jpeg.subarray(0, jpeg.length - 5000));
    expect((await readFileMetadataInProcess(cut)).problems.join(' ')).toContain('ends early');
    await expectSameAsWhole(cut);
  });

  it('keeps every PNG chunk but the image data, including XMP written after it', async () => {
    const png = splicePng(
      await noise().png({ compressionLevel: 0 }).toBuffer(),
      [
        pngChunk(
          'iTXt',
          Buffer.concat([
            Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'),
            Buffer.from(xmpPacket(keywords('late'))),
          ]),
        ),
      ],
      true,
    );
    const file = write('big.png', png);
    const { bytes } = await readMetadataBytes(file);
    expect(bytes.length).toBeLessThan(png.length / 50);
    const md = await readFileMetadataInProcess(file);
    expect(md.fields.tags).toEqual(['late']);
    expect(md).toMatchObject({ width: 600, height: 600 });
    await expectSameAsWhole(file);
  });

  it('follows a TIFF whose directory and XMP come after 1 MB of pixels', async () => {
    const tif = await noise()
      .withXmp(xmpPacket(keywords('far', 'away')))
      .tiff({ compression: 'none' })
      .toBuffer();
    expect(tif.readUInt32LE(4)).toBeGreaterThan(1_000_000); // libvips writes the directory last
    const file = write('big.tif', tif);
    const md = await readFileMetadataInProcess(file);
    expect(md.fields.tags).toEqual(['far', 'away']);
    expect(md).toMatchObject({ format: 'tiff', width: 600, height: 600 });
    await expectSameAsWhole(file);
  });
});
