/** readFileMetadata on small files made at test time; expected values follow from what each file was given. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileMetadata } from '../../../main/metadata/read-file-metadata';
import {
  app1,
  buildTiff,
  iptcBlock,
  photoshopApp13,
  plainJpeg,
  pngChunk,
  spliceJpeg,
  splicePng,
  t,
  xmpPacket,
} from './fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-meta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const DTO = 0x9003;
const CREATE = 0x9004;
const OFFSET_ORIGINAL = 0x9011;
const SUBSEC_ORIGINAL = 0x9291;
const MAKE = 0x010f;
const MODEL = 0x0110;
const ORIENTATION = 0x0112;

describe('EXIF in a JPEG', () => {
  it('reads time, offset, sub-seconds, camera and southern/western GPS, little- and big-endian', async () => {
    for (const bigEndian of [false, true]) {
      const tiff = buildTiff({
        bigEndian,
        ifd0: { [MAKE]: t.ascii('Canon'), [MODEL]: t.ascii('Canon EOS 5D\0\0  '), [ORIENTATION]: t.short(6) },
        exif: {
          [DTO]: t.ascii('2019:03:31 02:30:15'),
          [OFFSET_ORIGINAL]: t.ascii('+02:00'),
          [SUBSEC_ORIGINAL]: t.ascii('25'),
        },
        gps: {
          1: t.ascii('S'),
          2: t.rational([33, 1], [51, 1], [5400, 100]),
          3: t.ascii('W'),
          4: t.rational([70, 1], [30, 1], [0, 1]),
        },
      });
      const md = await readFileMetadata(
        write(`exif-${bigEndian}.jpg`, spliceJpeg(await plainJpeg(), [app1.exif(tiff)])),
      );
      expect(md.fields).toEqual({
        datetime_taken: '2019-03-31 02:30:15',
        camera_model: 'Canon EOS 5D',
        latitude: -(33 + 51 / 60 + 54 / 3600),
        longitude: -70.5,
        tags: [],
      });
      expect(md.offsetTimeOriginal).toBe('+02:00');
      expect(md.subSeconds).toBe('25');
      expect(md.orientation).toBe(6);
      expect(md.sources).toEqual({
        datetime_taken: 'EXIF DateTimeOriginal',
        camera_model: 'EXIF Make + Model',
        location: 'EXIF GPS',
      });
      expect(md.uploadable).toBe(true);
      expect(md.width).toBe(8);
    }
  });

  it('skips a placeholder DateTimeOriginal for CreateDate, treats Orientation 0 as none and GPS 0,0 as no location', async () => {
    const tiff = buildTiff({
      ifd0: { [ORIENTATION]: t.short(0) },
      exif: { [DTO]: t.ascii('0000:00:00 00:00:00'), [CREATE]: t.ascii('2011:04:02 18:30:10') },
      gps: {
        1: t.ascii('N'),
        2: t.rational([0, 1], [0, 1], [0, 1]),
        3: t.ascii('E'),
        4: t.rational([0, 1], [0, 1], [0, 1]),
      },
    });
    const md = await readFileMetadata(write('placeholder.jpg', spliceJpeg(await plainJpeg(), [app1.exif(tiff)])));
    expect(md.fields.datetime_taken).toBe('2011-04-02 18:30:10');
    expect(md.sources.datetime_taken).toBe('EXIF CreateDate');
    expect(md.orientation).toBeNull();
    expect(md.fields.latitude).toBeNull();
    expect(md.fields.longitude).toBeNull();
  });

  it('drops an out-of-range position and says so', async () => {
    const tiff = buildTiff({
      gps: {
        1: t.ascii('N'),
        2: t.rational([95, 1], [0, 1], [0, 1]),
        3: t.ascii('E'),
        4: t.rational([10, 1], [0, 1], [0, 1]),
      },
    });
    const md = await readFileMetadata(write('range.jpg', spliceJpeg(await plainJpeg(), [app1.exif(tiff)])));
    expect(md.fields.latitude).toBeNull();
    expect(md.problems.join(' ')).toMatch(/impossible/);
  });

  it('reads EXIF written by sharp (withExif)', async () => {
    const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#333' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'FUJIFILM', Model: 'X-T3' }, IFD2: { DateTimeOriginal: '2022:08:14 14:12:31' } })
      .toBuffer();
    const md = await readFileMetadata(write('sharp-exif.jpg', jpeg));
    expect(md.fields.camera_model).toBe('FUJIFILM X-T3');
    expect(md.fields.datetime_taken).toBe('2022-08-14 14:12:31');
  });
});

describe('XMP and IPTC', () => {
  it('takes XMP when EXIF has no date, with a single keyword as a list of one and hierarchy leaves', async () => {
    const xmp = xmpPacket(
      '<exif:DateTimeOriginal>2013-07-05T03:18:27Z</exif:DateTimeOriginal>' +
        '<dc:subject><rdf:Bag><rdf:li>Lighthouse</rdf:li></rdf:Bag></dc:subject>' +
        '<lr:hierarchicalSubject><rdf:Bag><rdf:li>Places|France|Brittany</rdf:li><rdf:li>Lighthouse</rdf:li></rdf:Bag></lr:hierarchicalSubject>',
    );
    const md = await readFileMetadata(write('xmp.jpg', spliceJpeg(await plainJpeg(), [app1.xmp(xmp)])));
    expect(md.fields.datetime_taken).toBe('2013-07-05 03:18:27');
    expect(md.sources.datetime_taken).toBe('XMP DateTimeOriginal');
    expect(md.fields.tags).toEqual(['Lighthouse', 'Brittany']);
    expect(md.sources.tags).toBe('XMP dc:subject + XMP lr:hierarchicalSubject');
  });

  it('reads XMP GPS strings, attribute-form properties, and a namespace bound to another prefix', async () => {
    const xmp = xmpPacket(
      '',
      ' xmlns:ap="http://ns.adobe.com/xap/1.0/" ap:CreateDate="2005-09-07T15:07:40-07:00" exif:GPSLatitude="33,51.9S" exif:GPSLongitude="151,12.5E"',
    );
    const md = await readFileMetadata(write('xmp-attr.jpg', spliceJpeg(await plainJpeg(), [app1.xmp(xmp)])));
    expect(md.fields.datetime_taken).toBe('2005-09-07 15:07:40');
    expect(md.fields.latitude).toBeCloseTo(-(33 + 51.9 / 60), 9);
    expect(md.fields.longitude).toBeCloseTo(151 + 12.5 / 60, 9);
    expect(md.sources.location).toBe('XMP GPS');
  });

  it('ignores a year-only XMP date and uses the next source', async () => {
    const xmp = xmpPacket(
      '<exif:DateTimeOriginal>2008</exif:DateTimeOriginal><xmp:CreateDate>2008-06-01T10:00:00</xmp:CreateDate>',
    );
    const md = await readFileMetadata(write('year-only.jpg', spliceJpeg(await plainJpeg(), [app1.xmp(xmp)])));
    expect(md.fields.datetime_taken).toBe('2008-06-01 10:00:00');
  });

  it('decodes IPTC keywords as UTF-8 when CodedCharacterSet says so, else as Latin-1', async () => {
    const words = ['café', 'Zürich', 'naïve, with comma'];
    const utf8 = photoshopApp13(
      iptcBlock(
        words.map((w) => [25, w] as [number, string]),
        'utf8',
      ),
    );
    const latin = photoshopApp13(
      iptcBlock(
        words.map((w) => [25, w] as [number, string]),
        'latin1',
      ),
    );
    const a = await readFileMetadata(
      write('iptc-utf8.jpg', spliceJpeg(await plainJpeg(), [{ marker: 0xed, payload: utf8 }])),
    );
    const b = await readFileMetadata(
      write('iptc-latin1.jpg', spliceJpeg(await plainJpeg(), [{ marker: 0xed, payload: latin }])),
    );
    expect(a.fields.tags).toEqual(words);
    expect(b.fields.tags).toEqual(words);
    expect(a.sources.tags).toBe('IPTC Keywords');
  });

  it('builds the capture time from IPTC DateCreated + TimeCreated when EXIF and XMP have none', async () => {
    const iim = photoshopApp13(
      iptcBlock(
        [
          [55, '20200723'],
          [60, '101500+0000'],
        ],
        'latin1',
      ),
    );
    const md = await readFileMetadata(
      write('iptc-date.jpg', spliceJpeg(await plainJpeg(), [{ marker: 0xed, payload: iim }])),
    );
    expect(md.fields.datetime_taken).toBe('2020-07-23 10:15:00');
    expect(md.sources.datetime_taken).toBe('IPTC DateCreated + TimeCreated');
  });

  it('unions XMP and IPTC keywords without duplicates, keeping case variants', async () => {
    const xmp = xmpPacket(
      '<dc:subject><rdf:Bag><rdf:li>Politics</rdf:li><rdf:li>politics</rdf:li></rdf:Bag></dc:subject>',
    );
    const iim = photoshopApp13(
      iptcBlock(
        [
          [25, 'Politics'],
          [25, 'government'],
        ],
        'latin1',
      ),
    );
    const md = await readFileMetadata(
      write('union.jpg', spliceJpeg(await plainJpeg(), [app1.xmp(xmp), { marker: 0xed, payload: iim }])),
    );
    expect(md.fields.tags).toEqual(['Politics', 'politics', 'government']);
  });

  it('makes a photo with more than 50 tags not uploadable, with the reason', async () => {
    const li = Array.from({ length: 51 }, (_, i) => `<rdf:li>tag${i}</rdf:li>`).join('');
    const md = await readFileMetadata(
      write(
        'many-tags.jpg',
        spliceJpeg(await plainJpeg(), [app1.xmp(xmpPacket(`<dc:subject><rdf:Bag>${li}</rdf:Bag></dc:subject>`))]),
      ),
    );
    expect(md.fields.tags).toHaveLength(51);
    expect(md.uploadable).toBe(false);
    expect(md.problems.join(' ')).toMatch(/51 tags.*at most 50/);
  });
});

describe('where metadata hides in other formats', () => {
  it('reads a PNG eXIf chunk and an ImageMagick "Raw profile type exif" text chunk', async () => {
    const png = await sharp({ create: { width: 3, height: 2, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
    const tiff = buildTiff({
      ifd0: { [MAKE]: t.ascii('NIKON'), [MODEL]: t.ascii('D2X') },
      exif: { [DTO]: t.ascii('2019:12:16 15:12:02') },
    });
    const eXIf = await readFileMetadata(write('exif-chunk.png', splicePng(png, [pngChunk('eXIf', tiff)], true)));
    expect(eXIf.fields.datetime_taken).toBe('2019-12-16 15:12:02');
    expect(eXIf.fields.camera_model).toBe('NIKON D2X');

    const exifWithHeader = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const hex = exifWithHeader.toString('hex').replace(/(.{72})/g, '$1\n');
    const text = `\nexif\n${String(exifWithHeader.length).padStart(8)}\n${hex}\n`;
    const ztxt = pngChunk(
      'zTXt',
      Buffer.concat([Buffer.from('Raw profile type exif\0\0', 'latin1'), deflateSync(Buffer.from(text, 'latin1'))]),
    );
    const raw = await readFileMetadata(write('raw-profile.png', splicePng(png, [ztxt])));
    expect(raw.fields.datetime_taken).toBe('2019-12-16 15:12:02');
    expect(raw.uploadable).toBe(true);
  });

  it('reads WebP EXIF written by sharp, and GIF XMP', async () => {
    const webp = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#456' } })
      .webp()
      .withExif({ IFD0: { Make: 'HTC', Model: 'Desire' }, IFD2: { DateTimeOriginal: '2011:05:06 09:59:48' } })
      .toBuffer();
    const w = await readFileMetadata(write('exif.webp', webp));
    expect(w.format).toBe('webp');
    expect(w.fields.camera_model).toBe('HTC Desire');
    expect(w.fields.datetime_taken).toBe('2011-05-06 09:59:48');

    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#789' } })
      .gif()
      .toBuffer();
    const packet = xmpPacket('<dc:subject><rdf:Bag><rdf:li>foobarisawesome</rdf:li></rdf:Bag></dc:subject>');
    const trailer = Buffer.from([1, ...Array.from({ length: 256 }, (_, i) => 255 - i), 0]);
    const ext = Buffer.concat([
      Buffer.from([0x21, 0xff, 0x0b]),
      Buffer.from('XMP DataXMP', 'latin1'),
      Buffer.from(packet, 'utf8'),
      trailer,
    ]);
    const g = await readFileMetadata(
      write('xmp.gif', Buffer.concat([gif.subarray(0, gif.length - 1), ext, gif.subarray(gif.length - 1)])),
    );
    expect(g.format).toBe('gif');
    expect(g.fields.tags).toEqual(['foobarisawesome']);
  });

  it('reads a BMP (which exifr cannot parse) as an uploadable photo with its size', async () => {
    const bmp = Buffer.alloc(54 + 16);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(bmp.length, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(2, 18);
    bmp.writeInt32LE(-2, 22);
    bmp.writeUInt16LE(1, 26);
    bmp.writeUInt16LE(24, 28);
    const md = await readFileMetadata(write('tiny.bmp', bmp));
    expect(md).toMatchObject({ format: 'bmp', mime: 'image/bmp', width: 2, height: 2, uploadable: true, problems: [] });
  });
});

describe('files that fight back', () => {
  it('gives empty, 1-byte, text and HTML files named .jpg a clear problem', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['empty.jpg', Buffer.alloc(0), /empty/],
      ['one.jpg', Buffer.from([0xff]), /1 byte/],
      ['notes.jpg', Buffer.from('These are my holiday notes, not a picture at all.\n'), /text/],
      ['page.jpg', Buffer.from('<!DOCTYPE html><html><body>404 Not Found</body></html>'), /web page/],
    ];
    for (const [name, bytes, why] of cases) {
      const md = await readFileMetadata(write(name, bytes));
      expect(md.uploadable, name).toBe(false);
      expect(md.format, name).toBe('unknown');
      expect(md.problems.join(' '), name).toMatch(why);
    }
  });

  it('reports a missing file instead of throwing', async () => {
    const md = await readFileMetadata(path.join(dir, 'no-such-file.jpg'));
    expect(md.uploadable).toBe(false);
    expect(md.problems[0]).toMatch(/couldn't open/);
  });

  it('flags a truncated JPEG (no end-of-image marker) but still reads its metadata', async () => {
    const tiff = buildTiff({ exif: { [DTO]: t.ascii('2016:05:30 14:20:55') } });
    const big = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#abc' } })
      .jpeg()
      .toBuffer();
    const full = spliceJpeg(big, [app1.exif(tiff)]);
    const md = await readFileMetadata(write('cut.jpg', full.subarray(0, full.length - 40)));
    expect(md.problems.join(' ')).toMatch(/ends early/);
    expect(md.fields.datetime_taken).toBe('2016-05-30 14:20:55');
    const whole = await readFileMetadata(write('whole.jpg', full));
    expect(whole.problems).toEqual([]);
  });

  it('reports HEIC bytes named .jpg by their true format, and a JPEG named .HEIC as a JPEG to rename', async () => {
    const ftyp = Buffer.alloc(32);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypheic', 4, 'latin1');
    ftyp.write('mif1heic', 16, 'latin1');
    const heic = await readFileMetadata(write('IMG_0001.jpg', ftyp));
    expect(heic.format).toBe('heic');
    expect(heic.uploadable).toBe(false);
    expect(heic.problems.join(' ')).toMatch(/HEIC photos can't be uploaded to memories.ai; convert to JPEG first/);
    expect(heic.problems.join(' ')).toMatch(/named ".jpg" but is really a HEIC/);

    const jpeg = await readFileMetadata(write('IMG_0002.HEIC', await plainJpeg()));
    expect(jpeg.format).toBe('jpeg');
    expect(jpeg.mime).toBe('image/jpeg');
    expect(jpeg.uploadable).toBe(false);
    expect(jpeg.problems.join(' ')).toMatch(/really a JPEG.*\.jpg/);
  });

  it('reports a PNG that declares an absurd size without decoding it', async () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(309, 0);
    ihdr.writeUInt32BE(15403836, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const png = Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
      pngChunk('IHDR', ihdr),
      Buffer.from('garbage that is not a chunk'),
    ]);
    const md = await readFileMetadata(write('absurd.png', png));
    expect(md.format).toBe('png');
    expect(md.uploadable).toBe(false);
    expect(md.problems.join(' ')).toMatch(/309 × 15403836/);
  });

  it('refuses files over 20 MiB and accepts one at exactly 20 MiB', async () => {
    const jpeg = await plainJpeg();
    const limit = 20 * 1024 * 1024;
    const at = await readFileMetadata(write('at-limit.jpg', Buffer.concat([jpeg, Buffer.alloc(limit - jpeg.length)])));
    const over = await readFileMetadata(
      write('over-limit.jpg', Buffer.concat([jpeg, Buffer.alloc(limit - jpeg.length + 1)])),
    );
    expect(at.uploadable).toBe(true);
    expect(over.uploadable).toBe(false);
    expect(over.problems.join(' ')).toMatch(/up to 20 MB/);
  });
});

describe('XMP sidecars', () => {
  it('lets photo.jpg.xmp or photo.xmp values win over embedded ones, shown with that source', async () => {
    const tiff = buildTiff({
      ifd0: { [MAKE]: t.ascii('Canon'), [MODEL]: t.ascii('EOS 5D') },
      exif: { [DTO]: t.ascii('2001:01:01 01:01:01') },
    });
    const jpeg = spliceJpeg(await plainJpeg(), [app1.exif(tiff)]);
    const photo = write('sidecar-a.jpg', jpeg);
    write(
      'sidecar-a.jpg.xmp',
      Buffer.from(
        xmpPacket(
          '<exif:DateTimeOriginal>2020-02-02T10:20:30</exif:DateTimeOriginal><dc:subject><rdf:Bag><rdf:li>from sidecar</rdf:li></rdf:Bag></dc:subject>',
        ),
      ),
    );
    const md = await readFileMetadata(photo);
    expect(md.fields.datetime_taken).toBe('2020-02-02 10:20:30');
    expect(md.fields.camera_model).toBe('Canon EOS 5D');
    expect(md.fields.tags).toEqual(['from sidecar']);
    expect(md.sources).toMatchObject({
      datetime_taken: 'XMP sidecar sidecar-a.jpg.xmp',
      camera_model: 'EXIF Make + Model',
      tags: 'XMP sidecar sidecar-a.jpg.xmp',
    });

    const other = write('sidecar-b.jpg', jpeg);
    write('sidecar-b.XMP', Buffer.from(xmpPacket('<tiff:Make>Leica</tiff:Make><tiff:Model>M6</tiff:Model>')));
    const b = await readFileMetadata(other);
    expect(b.fields.camera_model).toBe('Leica M6');
    expect(b.sources.camera_model).toBe('XMP sidecar sidecar-b.XMP');
  });
});

describe('RAW files', () => {
  it('lists a lone TIFF-based RAW (named .NEF) as not uploadable, with the reason', async () => {
    const tiff = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#222' } })
      .tiff()
      .toBuffer();
    const md = await readFileMetadata(write('DSC_0001.NEF', tiff));
    expect(md.format).toBe('raw');
    expect(md.uploadable).toBe(false);
    expect(md.problems).toContain("NEF RAW photos can't be uploaded to memories.ai; convert to JPEG first.");
  });
});
