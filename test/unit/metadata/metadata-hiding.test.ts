/** GPS in both byte orders and in every container, XMP GPS strings, EXIF in PNG text chunks, and formats named wrongly; expected values follow from what each file was given. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileMetadata } from '../../../main/metadata/read-file-metadata';
import { app1, buildTiff, plainJpeg, pngChunk, spliceJpeg, splicePng, t, xmpPacket } from './fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-hiding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const DTO = 0x9003;
const MAKE = 0x010f;
const MODEL = 0x0110;

/** 48°51'29.6"N 2°17'40.2"E (north-east, positive) or 22°54'30"S 43°10'45"W (south-west, negative). */
function gpsTags(south: boolean) {
  return south
    ? {
        1: t.ascii('S'),
        2: t.rational([22, 1], [54, 1], [30, 1]),
        3: t.ascii('W'),
        4: t.rational([43, 1], [10, 1], [45, 1]),
      }
    : {
        1: t.ascii('N'),
        2: t.rational([48, 1], [51, 1], [296, 10]),
        3: t.ascii('E'),
        4: t.rational([2, 1], [17, 1], [402, 10]),
      };
}
const expected = (south: boolean) =>
  south
    ? { latitude: -(22 + 54 / 60 + 30 / 3600), longitude: -(43 + 10 / 60 + 45 / 3600) }
    : { latitude: 48 + 51 / 60 + 29.6 / 3600, longitude: 2 + 17 / 60 + 40.2 / 3600 };

async function plainPng(): Promise<Buffer> {
  return sharp({ create: { width: 3, height: 2, channels: 3, background: '#123' } })
    .png()
    .toBuffer();
}

/** ImageMagick's and GIMP's text form of a binary profile: "\n<name>\n<length>\n<hex, 72 digits a line>\n". */
function rawProfileText(name: string, data: Buffer): string {
  return `\n${name}\n${String(data.length).padStart(8)}\n${data.toString('hex').replace(/(.{72})/g, '$1\n')}\n`;
}

describe('EXIF GPS in both byte orders', () => {
  for (const bigEndian of [false, true]) {
    const order = bigEndian ? 'big-endian (MM)' : 'little-endian (II)';
    it(`reads signed positions from ${order} EXIF in a JPEG, a TIFF file and a PNG eXIf chunk`, async () => {
      for (const south of [false, true]) {
        const tiff = buildTiff({ bigEndian, ifd0: { [MAKE]: t.ascii('GoPro') }, gps: gpsTags(south) });
        const files = [
          write(`gps-${bigEndian}-${south}.jpg`, spliceJpeg(await plainJpeg(), [app1.exif(tiff)])),
          write(`gps-${bigEndian}-${south}.tif`, tiff),
          write(`gps-${bigEndian}-${south}.png`, splicePng(await plainPng(), [pngChunk('eXIf', tiff)])),
        ];
        for (const file of files) {
          const md = await readFileMetadata(file);
          const want = expected(south);
          expect(md.fields.latitude, file).toBeCloseTo(want.latitude, 9);
          expect(md.fields.longitude, file).toBeCloseTo(want.longitude, 9);
          expect(md.sources.location, file).toBe('EXIF GPS');
        }
      }
    });
  }
});

describe('XMP GPS strings', () => {
  it('reads "deg,min.fraction" and "deg,min,sec" forms with their hemisphere letter, as elements or attributes', async () => {
    const cases: [string, number, number][] = [
      [
        '<exif:GPSLatitude>41,24.5N</exif:GPSLatitude><exif:GPSLongitude>2,10.25E</exif:GPSLongitude>',
        41 + 24.5 / 60,
        2 + 10.25 / 60,
      ],
      [
        '<exif:GPSLatitude>41,24,30S</exif:GPSLatitude><exif:GPSLongitude>74,0,36W</exif:GPSLongitude>',
        -(41 + 24 / 60 + 30 / 3600),
        -(74 + 36 / 3600),
      ],
    ];
    for (const [i, [body, lat, lon]] of cases.entries()) {
      const md = await readFileMetadata(
        write(`xmp-gps-${i}.jpg`, spliceJpeg(await plainJpeg(), [app1.xmp(xmpPacket(body))])),
      );
      expect(md.fields.latitude).toBeCloseTo(lat, 9);
      expect(md.fields.longitude).toBeCloseTo(lon, 9);
      expect(md.sources.location).toBe('XMP GPS');
    }
  });

  it('keeps both or neither: a latitude without a longitude is no location', async () => {
    const body = '<exif:GPSLatitude>41,24.5N</exif:GPSLatitude>';
    const md = await readFileMetadata(
      write('xmp-half.jpg', spliceJpeg(await plainJpeg(), [app1.xmp(xmpPacket(body))])),
    );
    expect([md.fields.latitude, md.fields.longitude]).toEqual([null, null]);
  });
});

describe('EXIF in PNG text chunks (ImageMagick, GIMP)', () => {
  const tiff = buildTiff({
    bigEndian: true,
    ifd0: { [MAKE]: t.ascii('Canon'), [MODEL]: t.ascii('Canon EOS R5') },
    exif: { [DTO]: t.ascii('2021:07:04 21:15:09') },
    gps: gpsTags(true),
  });
  const withHeader = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const chunks: Record<string, Buffer> = {
    'tEXt "Raw profile type exif"': pngChunk(
      'tEXt',
      Buffer.from(`Raw profile type exif\0${rawProfileText('exif', withHeader)}`, 'latin1'),
    ),
    'zTXt "Raw profile type APP1"': pngChunk(
      'zTXt',
      Buffer.concat([
        Buffer.from('Raw profile type APP1\0\0', 'latin1'),
        deflateSync(Buffer.from(rawProfileText('APP1', withHeader), 'latin1')),
      ]),
    ),
    'iTXt "Raw profile type exif", uncompressed': pngChunk(
      'iTXt',
      Buffer.concat([
        Buffer.from('Raw profile type exif\0\0\0\0\0', 'latin1'),
        Buffer.from(rawProfileText('exif', tiff)),
      ]),
    ),
    'iTXt "Raw profile type APP1", compressed': pngChunk(
      'iTXt',
      Buffer.concat([
        Buffer.from('Raw profile type APP1\0\x01\0\0\0', 'latin1'),
        deflateSync(Buffer.from(rawProfileText('APP1', withHeader))),
      ]),
    ),
  };
  for (const [label, chunk] of Object.entries(chunks)) {
    it(`reads ${label}`, async () => {
      const md = await readFileMetadata(
        write(`${label.replace(/\W+/g, '-')}.png`, splicePng(await plainPng(), [chunk])),
      );
      expect(md.fields).toMatchObject({ datetime_taken: '2021-07-04 21:15:09', camera_model: 'Canon EOS R5' });
      expect(md.fields.latitude).toBeCloseTo(expected(true).latitude, 9);
      expect(md.fields.longitude).toBeCloseTo(expected(true).longitude, 9);
      expect(md).toMatchObject({ format: 'png', uploadable: true });
    });
  }
});

describe('formats named as another', () => {
  it('reads a HEIC named .jpg as a HEIC, with the capture time from its Exif item', async () => {
    const tiff = buildTiff({
      ifd0: { [MAKE]: t.ascii('Apple'), [MODEL]: t.ascii('iPhone 12') },
      exif: { [DTO]: t.ascii('2022:01:02 03:04:05') },
    });
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypheic\0\0\0\0mif1heic', 4, 'latin1');
    // Note: HEIF stores the Exif item as a 4-byte header offset, "Exif\0\0", then TIFF data, inside mdat.
    const item = Buffer.concat([Buffer.from([0, 0, 0, 6]), Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const mdat = Buffer.concat([Buffer.alloc(8), item]);
    mdat.writeUInt32BE(mdat.length, 0);
    mdat.write('mdat', 4, 'latin1');
    const md = await readFileMetadata(write('IMG_1234.jpg', Buffer.concat([ftyp, mdat])));
    expect(md).toMatchObject({ format: 'heic', mime: 'image/heic', uploadable: false });
    expect(md.fields).toMatchObject({ datetime_taken: '2022-01-02 03:04:05', camera_model: 'Apple iPhone 12' });
    expect(md.problems.join(' ')).toContain("HEIC photos can't be uploaded");
  });

  it('reads a JPEG named .HEIC as a JPEG with its EXIF, to be renamed before upload', async () => {
    const tiff = buildTiff({ exif: { [DTO]: t.ascii('2023:05:06 07:08:09') } });
    const md = await readFileMetadata(write('IMG_5678.HEIC', spliceJpeg(await plainJpeg(), [app1.exif(tiff)])));
    expect(md).toMatchObject({ format: 'jpeg', mime: 'image/jpeg', width: 8, uploadable: false });
    expect(md.fields.datetime_taken).toBe('2023-05-06 07:08:09');
    expect(md.problems.join(' ')).toMatch(/really a JPEG but is named "\.heic"; rename it to end in \.jpg/);
  });
});
