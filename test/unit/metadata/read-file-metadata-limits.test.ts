/** readFileMetadata on files made to trap parsers: each call comes back with a reading or a problem, and a reading out of time is cut off with a clear problem. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { configureMetadataReader, readFileMetadata, TIMEOUT_PROBLEM } from '../../../main/metadata/read-file-metadata';
import { app1, buildTiff, plainJpeg, pngChunk, spliceJpeg, splicePng, t } from './fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => configureMetadataReader({ timeoutMs: 20_000 }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The 32 bytes that make exifr 7.1.3 loop forever (an ftyp box, then a box of length 0). */
function ftypHeic(): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32BE(0x18, 0);
  b.write('ftypheic', 4, 'latin1');
  b.write('mif1heic', 16, 'latin1');
  return b;
}

async function plainPng(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 3, channels: 3, background: '#468' } })
    .png()
    .toBuffer();
}

describe('readFileMetadata on files that trap parsers', () => {
  it('reads a 32-byte "ftyp heic" file, named .heic or .jpg, as a HEIC it cannot upload', async () => {
    for (const name of ['stub.heic', 'stub.jpg']) {
      const md = await readFileMetadata(write(name, ftypHeic()));
      expect(md.format).toBe('heic');
      expect(md.uploadable).toBe(false);
      expect(md.problems.join(' ')).toContain("HEIC photos can't be uploaded");
    }
  });

  it('reads a PNG and a WebP whose EXIF block holds those 32 bytes, keeping their size', async () => {
    const png = splicePng(await plainPng(), [pngChunk('eXIf', ftypHeic())]);
    const pngMd = await readFileMetadata(write('trap.png', png));
    expect(pngMd).toMatchObject({ format: 'png', width: 4, height: 3, uploadable: true });
    expect(pngMd.fields.camera_model).toBeNull();

    const webp = await sharp({ create: { width: 5, height: 2, channels: 3, background: '#468' } })
      .webp()
      .toBuffer();
    const exif = Buffer.concat([Buffer.from('EXIF', 'latin1'), Buffer.alloc(4), ftypHeic()]);
    exif.writeUInt32LE(32, 4);
    const riff = Buffer.concat([webp.subarray(0, 12), webp.subarray(12), exif]);
    riff.writeUInt32LE(riff.length - 8, 4);
    const webpMd = await readFileMetadata(write('trap.webp', riff));
    expect(webpMd).toMatchObject({ format: 'webp', width: 5, height: 2 });
  });

  it('reads JPEG and TIFF files with looping, oversized or cut-off directories', async () => {
    // An IFD0 whose next-IFD pointer points back at itself, and an EXIF pointer past the end.
    const looping = buildTiff({ ifd0: { 0x010f: t.ascii('Loop'), 0x8769: { short: [0] } } });
    looping.writeUInt32LE(8, 8 + 2 + 2 * 12); // next IFD = IFD0
    looping.writeUInt16LE(4, 8 + 2 + 12 + 2);
    looping.writeUInt32LE(0xfffffff0, 8 + 2 + 12 + 8);
    const jpeg = spliceJpeg(await plainJpeg(), [app1.exif(looping)]);
    const md = await readFileMetadata(write('loop.jpg', jpeg));
    expect(md).toMatchObject({ format: 'jpeg', width: 8, uploadable: true });
    expect(md.fields.camera_model).toBe('Loop');

    const huge = Buffer.from(looping);
    huge.writeUInt16LE(0xffff, 8); // 65535 entries announced, 2 present
    const tiffMd = await readFileMetadata(write('huge.tif', huge));
    expect(tiffMd.format).toBe('tiff');
    expect(tiffMd.problems.length).toBeGreaterThan(0);

    const cut = await readFileMetadata(write('cut.jpg', jpeg.subarray(0, 40)));
    expect(cut.format).toBe('jpeg');
    expect(cut.uploadable).toBe(false);
  });

  it('reads a PNG whose chunk claims 4 GB', async () => {
    const png = await plainPng();
    const bad = Buffer.concat([png.subarray(0, 33), Buffer.from([0xff, 0xff, 0xff, 0xf0]), Buffer.from('tEXt')]);
    const md = await readFileMetadata(write('claims.png', bad));
    expect(md.format).toBe('png');
    expect(md.uploadable).toBe(false);
  });

  it('cuts off a reading that runs out of time, with a clear problem and the format from the first bytes', async () => {
    const file = write(
      'slow.jpg',
      spliceJpeg(await plainJpeg(), [app1.exif(buildTiff({ ifd0: { 0x010f: t.ascii('X') } }))]),
    );
    await configureMetadataReader({ timeoutMs: 1 });
    const md = await readFileMetadata(file);
    expect(md.problems).toEqual([TIMEOUT_PROBLEM]);
    expect(md).toMatchObject({ format: 'jpeg', mime: 'image/jpeg', uploadable: false });
    expect(md.fields.camera_model).toBeNull();
    await configureMetadataReader({ timeoutMs: 20_000 });
    expect((await readFileMetadata(file)).fields.camera_model).toBe('X');
  });
});
