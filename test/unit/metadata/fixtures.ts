/** Builders for small test files: EXIF (TIFF) blocks, XMP packets, IPTC blocks, spliced into JPEGs and PNGs made by sharp. */
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A TIFF tag value: ASCII text, SHORTs, or RATIONALs given as [numerator, denominator] pairs. */
export type TagValue = { ascii: string } | { short: number[] } | { rational: [number, number][] };

/** Tags per directory; `exif` and `gps` become sub-IFDs of IFD0. */
export interface ExifSpec {
  ifd0?: Record<number, TagValue>;
  exif?: Record<number, TagValue>;
  gps?: Record<number, TagValue>;
  bigEndian?: boolean;
}

/** Builds TIFF-structured EXIF bytes (no "Exif\0\0" header). */
export function buildTiff(spec: ExifSpec): Buffer {
  const le = !spec.bigEndian;
  const ifds: { tags: Record<number, TagValue>; at: number }[] = [];
  const ifd0: Record<number, TagValue> = { ...(spec.ifd0 ?? {}) };
  // Pointers are filled in once offsets are known.
  if (spec.exif) ifd0[0x8769] = { short: [0] };
  if (spec.gps) ifd0[0x8825] = { short: [0] };
  const order = [ifd0, spec.exif, spec.gps].filter((t): t is Record<number, TagValue> => !!t);
  const size = (v: TagValue) =>
    'ascii' in v ? Buffer.byteLength(v.ascii, 'latin1') + 1 : 'short' in v ? v.short.length * 2 : v.rational.length * 8;
  let at = 8;
  for (const tags of order) {
    ifds.push({ tags, at });
    const n = Object.keys(tags).length;
    at += 2 + n * 12 + 4;
    for (const v of Object.values(tags)) if (size(v) > 4) at += size(v) + (size(v) % 2);
  }
  const buf = Buffer.alloc(at);
  buf.write(le ? 'II' : 'MM', 0, 'latin1');
  const u16 = (v: number, o: number) => (le ? buf.writeUInt16LE(v, o) : buf.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? buf.writeUInt32LE(v, o) : buf.writeUInt32BE(v, o));
  u16(42, 2);
  u32(8, 4);
  const exifAt = spec.exif ? (ifds[1]?.at ?? 0) : 0;
  const gpsAt = spec.gps ? (ifds[spec.exif ? 2 : 1]?.at ?? 0) : 0;
  for (const { tags, at: ifdAt } of ifds) {
    const entries = Object.entries(tags)
      .map(([k, v]) => [Number(k), v] as const)
      .sort((a, b) => a[0] - b[0]);
    u16(entries.length, ifdAt);
    let data = ifdAt + 2 + entries.length * 12 + 4;
    entries.forEach(([tag, v], i) => {
      const e = ifdAt + 2 + i * 12;
      u16(tag, e);
      if (tag === 0x8769 || tag === 0x8825) {
        u16(4, e + 2);
        u32(1, e + 4);
        u32(tag === 0x8769 ? exifAt : gpsAt, e + 8);
        return;
      }
      const type = 'ascii' in v ? 2 : 'short' in v ? 3 : 5;
      const count = 'ascii' in v ? size(v) : 'short' in v ? v.short.length : v.rational.length;
      u16(type, e + 2);
      u32(count, e + 4);
      const target = size(v) > 4 ? data : e + 8;
      if (size(v) > 4) {
        u32(data, e + 8);
        data += size(v) + (size(v) % 2);
      }
      if ('ascii' in v) buf.write(`${v.ascii}\0`, target, 'latin1');
      else if ('short' in v) v.short.forEach((s, j) => u16(s, target + j * 2));
      else v.rational.forEach(([n, d], j) => (u32(n, target + j * 8), u32(d, target + j * 8 + 4)));
    });
  }
  return buf;
}

/** An XMP packet with the given rdf:Description body. */
export function xmpPacket(body: string, extraNs = ''): string {
  return (
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">` +
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""` +
    ` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"` +
    ` xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/"` +
    ` xmlns:lr="http://ns.adobe.com/lightroom/1.0/"${extraNs}>${body}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}

/** An IPTC IIM block; `utf8` adds CodedCharacterSet ESC % G. Values are written with the given encoding. */
export function iptcBlock(datasets: [number, string][], encoding: 'utf8' | 'latin1'): Buffer {
  const parts: Buffer[] = [];
  const ds = (record: number, n: number, value: Buffer) => {
    const head = Buffer.from([0x1c, record, n, 0, 0]);
    head.writeUInt16BE(value.length, 3);
    parts.push(head, value);
  };
  if (encoding === 'utf8') ds(1, 90, Buffer.from('\x1b%G', 'latin1'));
  ds(2, 0, Buffer.from([0, 4]));
  for (const [n, v] of datasets) ds(2, n, Buffer.from(v, encoding));
  return Buffer.concat(parts);
}

/** Wraps IIM data in a Photoshop "8BIM" 0x0404 resource, as an APP13 payload. */
export function photoshopApp13(iim: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const pad = iim.length % 2 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    Buffer.from('8BIM\x04\x04\0\0', 'latin1'),
    size,
    iim,
    pad,
  ]);
}

/** A small real JPEG made by sharp (no metadata). */
export async function plainJpeg(width = 8, height = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();
}

/** Inserts APPn segments right after SOI. */
export function spliceJpeg(jpeg: Buffer, segments: { marker: number; payload: Buffer }[]): Buffer {
  const parts = segments.map(({ marker, payload }) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  });
  return Buffer.concat([jpeg.subarray(0, 2), ...parts, jpeg.subarray(2)]);
}

/** APP1 payloads. */
export const app1 = {
  exif: (tiff: Buffer) => ({ marker: 0xe1, payload: Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]) }),
  xmp: (packet: string) => ({
    marker: 0xe1,
    payload: Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(packet, 'utf8')]),
  }),
};

/** A PNG chunk with a correct CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** Inserts chunks right after a PNG's IHDR (or just before IEND with `atEnd`). */
export function splicePng(png: Buffer, chunks: Buffer[], atEnd = false): Buffer {
  const at = atEnd ? png.length - 12 : 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, at), ...chunks, png.subarray(at)]);
}

/** ASCII/SHORT/RATIONAL shorthands. */
export const t = {
  ascii: (s: string): TagValue => ({ ascii: s }),
  short: (...n: number[]): TagValue => ({ short: n }),
  rational: (...r: [number, number][]): TagValue => ({ rational: r }),
};
