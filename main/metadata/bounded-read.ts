/**
 * Reads only the parts of a file that hold metadata: JPEG segments before the image data plus the
 * file's end, PNG chunks other than image data, TIFF directories and the values they point to.
 * The result keeps each format's structure, so the readers work on it as on the whole file.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { sniffFormat } from './sniff-format';

/** The bytes to read metadata from, and the real file size. */
export interface MetadataBytes {
  bytes: Uint8Array;
  size: number;
}

const HEAD = 256 * 1024;
/** Bytes kept from a JPEG's end: enough for the end-of-image check and trailers written after it. */
const JPEG_TAIL = 64 * 1024;
/** Most read from the start of a file for metadata (a JPEG's segments, a TIFF's directories). */
const MAX_PREFIX = 32 * 1024 * 1024;
/** RAW files that are not TIFF (CR3 boxes, RAF's embedded preview) keep metadata within this head. */
const RAW_HEAD = 4 * 1024 * 1024;

/** A file's first bytes, read on demand. */
class Prefix {
  buf: Buffer = Buffer.alloc(0);
  constructor(
    readonly handle: FileHandle,
    readonly size: number,
  ) {}

  /** Makes at least `end` bytes (capped at the file and MAX_PREFIX) available; returns how many are. */
  async ensure(end: number): Promise<number> {
    const want = Math.min(this.size, MAX_PREFIX, Math.max(end, this.buf.length * 2, HEAD));
    if (end <= this.buf.length || this.buf.length >= Math.min(this.size, MAX_PREFIX)) return this.buf.length;
    const more = await readAt(this.handle, this.buf.length, want - this.buf.length);
    this.buf = Buffer.concat([this.buf, more]);
    return this.buf.length;
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const out = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await handle.read(out, 0, out.length, position);
  return out.subarray(0, bytesRead);
}

/** Reads the metadata-bearing parts of a file (throws when it cannot be opened, like readFile). */
export async function readMetadataBytes(absPath: string): Promise<MetadataBytes> {
  const handle = await open(absPath, 'r');
  try {
    const { size } = await handle.stat();
    const prefix = new Prefix(handle, size);
    await prefix.ensure(HEAD);
    if (size <= HEAD) return { bytes: new Uint8Array(prefix.buf), size };
    const format = sniffFormat(prefix.buf.subarray(0, 64));
    const bytes =
      format.format === 'jpeg'
        ? await jpegParts(prefix)
        : format.format === 'png'
          ? await pngParts(prefix)
          : format.format === 'tiff' || (format.format === 'raw' && isTiffHeader(prefix.buf))
            ? await tiffParts(prefix)
            : format.format === 'raw'
              ? (await prefix.ensure(RAW_HEAD), prefix.buf)
              : (await prefix.ensure(MAX_PREFIX), prefix.buf);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), size };
  } finally {
    await handle.close();
  }
}

function isTiffHeader(b: Buffer): boolean {
  return (b[0] === 0x49 && b[1] === 0x49) || (b[0] === 0x4d && b[1] === 0x4d);
}

/** JPEG: every segment up to and including the first SOS header, then the file's last bytes. */
async function jpegParts(prefix: Prefix): Promise<Buffer> {
  let at = 2;
  for (;;) {
    if ((await prefix.ensure(at + 4)) < at + 4) return prefix.buf; // ends inside the header: all of it
    const b = prefix.buf;
    if (b[at] !== 0xff || b[at + 1] === 0xff || b[at + 1] === 0x00 || b[at + 1] === 0x01) {
      at++; // Note: stray and fill bytes between segments are skipped, as jpeg-segments.ts does.
      continue;
    }
    const marker = b[at + 1] ?? 0;
    if (marker === 0xd9) return withTail(prefix, at + 2);
    if (marker >= 0xd0 && marker <= 0xd7) {
      at += 2;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (marker === 0xda) return withTail(prefix, Math.min(at + 2 + length, b.length));
    at += length < 2 ? 2 : 2 + length;
  }
}

/** The first `keep` bytes of the prefix joined to the last bytes of the file (or the whole rest, if short). */
async function withTail(prefix: Prefix, keep: number): Promise<Buffer> {
  const from = Math.max(keep, prefix.size - JPEG_TAIL);
  const tail = await readAt(prefix.handle, from, prefix.size - from);
  return Buffer.concat([prefix.buf.subarray(0, keep), tail]);
}

const EMPTY_IDAT = Buffer.from([0, 0, 0, 0, 0x49, 0x44, 0x41, 0x54, 0, 0, 0, 0]);

/** PNG: every chunk but image data; the first IDAT is kept empty, so decoders still see a complete header. */
async function pngParts(prefix: Prefix): Promise<Buffer> {
  const parts: Buffer[] = [prefix.buf.subarray(0, 8)];
  let keptIdat = false;
  for (let at = 8; at < prefix.size;) {
    const head = await readAt(prefix.handle, at, 8);
    if (head.length < 8) {
      parts.push(head);
      break;
    }
    const size = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (type === 'IDAT' || type === 'fdAT') {
      if (!keptIdat) parts.push(EMPTY_IDAT);
      keptIdat = true;
    } else {
      parts.push(await readAt(prefix.handle, at, Math.min(12 + size, MAX_PREFIX)));
    }
    if (type === 'IEND') break;
    at += 12 + size;
  }
  return Buffer.concat(parts);
}

const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
const SUB_IFDS = [0x8769, 0x8825, 0xa005]; // EXIF, GPS, Interop
const SKIPPED_VALUES = [0x927c]; // MakerNote: not read, and often large

/** TIFF and TIFF-based RAW: the file up to the end of the last directory or tag value the readers use. */
async function tiffParts(prefix: Prefix): Promise<Buffer> {
  const le = prefix.buf[0] === 0x49;
  const u16 = (at: number) => (le ? prefix.buf.readUInt16LE(at) : prefix.buf.readUInt16BE(at));
  const u32 = (at: number) => (le ? prefix.buf.readUInt32LE(at) : prefix.buf.readUInt32BE(at));
  let needed = 8;
  const queue = [u32(4)];
  const seen = new Set<number>();
  for (let ifd = queue.shift(); ifd !== undefined; ifd = queue.shift()) {
    if (ifd < 8 || seen.has(ifd) || seen.size > 16) continue;
    seen.add(ifd);
    if ((await prefix.ensure(ifd + 2)) < ifd + 2) continue;
    const count = u16(ifd);
    const end = ifd + 2 + count * 12 + 4;
    if ((await prefix.ensure(end)) < end) continue;
    needed = Math.max(needed, end);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const bytes = (TYPE_SIZES[u16(entry + 2)] ?? 1) * u32(entry + 4);
      if (SUB_IFDS.includes(tag)) queue.push(u32(entry + 8));
      if (bytes > 4 && !SKIPPED_VALUES.includes(tag)) needed = Math.max(needed, u32(entry + 8) + bytes);
    }
    if (seen.size === 1) queue.push(u32(end - 4)); // IFD1 (the thumbnail's), for its Orientation
  }
  await prefix.ensure(needed);
  return prefix.buf.subarray(0, Math.min(needed, prefix.buf.length));
}
