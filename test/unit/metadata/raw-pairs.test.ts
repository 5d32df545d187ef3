/** RAW + JPEG pairing by name, and the RAW's metadata (read from generated TIFF-structured and CR3-like files) filling what the JPEG lacks. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeRawMetadata, pairRawFiles } from '../../../main/metadata/raw-pairs';
import { readFileMetadata } from '../../../main/metadata/read-file-metadata';
import { app1, buildTiff, plainJpeg, spliceJpeg, t, xmpPacket } from './fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-raw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const DTO = 0x9003;
const MAKE = 0x010f;
const MODEL = 0x0110;

/** A TIFF-structured RAW stand-in: IFD0 with Make/Model, EXIF with DateTimeOriginal, GPS 45°30'N 73°34'W. */
function tiffRaw(bigEndian = false): Buffer {
  return buildTiff({
    bigEndian,
    ifd0: { [MAKE]: t.ascii('NIKON'), [MODEL]: t.ascii('NIKON Z 6') },
    exif: { [DTO]: t.ascii('2020:08:15 18:42:07') },
    gps: {
      1: t.ascii('N'),
      2: t.rational([45, 1], [30, 1], [0, 1]),
      3: t.ascii('W'),
      4: t.rational([73, 1], [34, 1], [0, 1]),
    },
  });
}

/** An ISO-BMFF box. */
function box(type: string, ...body: Buffer[]): Buffer {
  const head = Buffer.alloc(8);
  const data = Buffer.concat(body);
  head.writeUInt32BE(8 + data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data]);
}

/** A Canon CR3 stand-in: ftyp "crx ", then moov/uuid with CMT1 (IFD0) and CMT2 (EXIF tags) as bare TIFF data. */
function cr3(): Buffer {
  const ftyp = box('ftyp', Buffer.from('crx \0\0\0\x01crx isom', 'latin1'));
  const cmt1 = box('CMT1', buildTiff({ ifd0: { [MAKE]: t.ascii('Canon'), [MODEL]: t.ascii('Canon EOS R6') } }));
  const cmt2 = box('CMT2', buildTiff({ ifd0: { [DTO]: t.ascii('2021:10:09 08:07:06') } }));
  const uuid = box('uuid', Buffer.from('85c0b687820f11e08111f4ce462b6a48', 'hex'), cmt1, cmt2);
  return Buffer.concat([ftyp, box('moov', uuid), box('mdat', Buffer.alloc(64))]);
}

describe('pairRawFiles', () => {
  it('pairs RAW and JPEG of the same name in any case, and lists RAWs without a JPEG', () => {
    const names = [
      'IMG_0001.CR2',
      'img_0001.jpg',
      'DSC_0002.nef',
      'DSC_0002.JPEG',
      'P0003.RW2',
      'P0003.tif',
      'lonely.ARW',
      'solo.jpg',
      'notes.txt',
      'X.dng',
      'x.Jpg',
    ];
    expect(pairRawFiles(names)).toEqual({
      pairs: [
        { jpeg: 'DSC_0002.JPEG', raw: 'DSC_0002.nef' },
        { jpeg: 'img_0001.jpg', raw: 'IMG_0001.CR2' },
        { jpeg: 'x.Jpg', raw: 'X.dng' },
      ],
      loneRaws: ['P0003.RW2', 'lonely.ARW'],
    });
  });

  it('pairs one RAW per JPEG: the camera format before a DNG made from it', () => {
    expect(pairRawFiles(['a.dng', 'a.CR3', 'a.jpg'])).toEqual({
      pairs: [{ jpeg: 'a.jpg', raw: 'a.CR3' }],
      loneRaws: ['a.dng'],
    });
    expect(pairRawFiles(['b.ORF', 'b.jpg', 'b.jpeg'])).toEqual({
      pairs: [{ jpeg: 'b.jpeg', raw: 'b.ORF' }],
      loneRaws: [],
    });
  });

  it('does not pair names that only share a prefix, or RAW extensions outside the list', () => {
    expect(pairRawFiles(['a.nef', 'a1.jpg', 'c.pef', 'c.jpg'])).toEqual({ pairs: [], loneRaws: ['a.nef'] });
  });
});

describe('mergeRawMetadata', () => {
  it('fills every field a bare JPEG lacks from a TIFF-based RAW (either byte order), naming the RAW', async () => {
    for (const bigEndian of [false, true]) {
      const jpeg = await readFileMetadata(write(`bare-${bigEndian}.jpg`, await plainJpeg()));
      const raw = await readFileMetadata(write(`bare-${bigEndian}.NEF`, tiffRaw(bigEndian)));
      expect(raw.format).toBe('raw');
      const merged = mergeRawMetadata(jpeg, raw, `bare-${bigEndian}.NEF`);
      expect(merged.fields).toEqual({
        datetime_taken: '2020-08-15 18:42:07',
        camera_model: 'NIKON Z 6',
        latitude: 45.5,
        longitude: -(73 + 34 / 60),
        tags: [],
      });
      expect(merged.sources).toEqual({
        datetime_taken: `RAW file bare-${bigEndian}.NEF (EXIF DateTimeOriginal)`,
        camera_model: `RAW file bare-${bigEndian}.NEF (EXIF Make + Model)`,
        location: `RAW file bare-${bigEndian}.NEF (EXIF GPS)`,
      });
      expect(merged).toMatchObject({ format: 'jpeg', mime: 'image/jpeg', width: 8, uploadable: true, problems: [] });
    }
  });

  it("keeps the JPEG's own values and takes only what it lacks", async () => {
    const own = buildTiff({ exif: { [DTO]: t.ascii('2020:08:15 18:42:09') } });
    const xmp = xmpPacket('<dc:subject><rdf:Bag><rdf:li>fox</rdf:li></rdf:Bag></dc:subject>');
    const jpeg = await readFileMetadata(
      write('own.jpg', spliceJpeg(await plainJpeg(), [app1.exif(own), app1.xmp(xmp)])),
    );
    const raw = await readFileMetadata(write('own.ARW', tiffRaw()));
    const merged = mergeRawMetadata(jpeg, raw, 'own.ARW');
    expect(merged.fields).toMatchObject({
      datetime_taken: '2020-08-15 18:42:09',
      camera_model: 'NIKON Z 6',
      tags: ['fox'],
    });
    expect(merged.sources).toMatchObject({
      datetime_taken: 'EXIF DateTimeOriginal',
      camera_model: 'RAW file own.ARW (EXIF Make + Model)',
      tags: 'XMP dc:subject',
    });
  });

  it('reads a CR3 (ISO-BMFF) best effort: camera and capture time from its CMT boxes', async () => {
    const raw = await readFileMetadata(write('IMG_9.CR3', cr3()));
    expect(raw).toMatchObject({ format: 'raw', uploadable: false });
    expect(raw.fields).toMatchObject({ datetime_taken: '2021-10-09 08:07:06', camera_model: 'Canon EOS R6' });
    const jpeg = await readFileMetadata(write('IMG_9.JPG', await plainJpeg()));
    expect(mergeRawMetadata(jpeg, raw, 'IMG_9.CR3').fields.camera_model).toBe('Canon EOS R6');
  });

  it('makes the pair not uploadable when the RAW brings more than 50 tags', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `<rdf:li>k${i}</rdf:li>`).join('');
    const rawXmp = Buffer.from(xmpPacket(`<dc:subject><rdf:Bag>${many}</rdf:Bag></dc:subject>`));
    const raw = await readFileMetadata(write('tags.DNG', Buffer.concat([tiffRaw(), rawXmp])));
    expect(raw.fields.tags).toHaveLength(51);
    const jpeg = await readFileMetadata(write('tags.jpg', await plainJpeg()));
    const merged = mergeRawMetadata(jpeg, raw, 'tags.DNG');
    expect(merged.uploadable).toBe(false);
    expect(merged.problems.join(' ')).toContain('51 tags');
  });
});
