/** EXIF (TIFF-structured) reading through exifr: IFD0, the EXIF IFD and the GPS IFD, as raw values. */
import exifr from 'exifr';

/** Raw tag values by exifr's tag names; `undefined` when a block is absent. */
export interface ExifBlocks {
  ifd0?: Record<string, unknown>;
  exif?: Record<string, unknown>;
  gps?: Record<string, unknown>;
  /** The thumbnail's IFD: only its Orientation is used, as a last resort. */
  ifd1?: Record<string, unknown>;
}

// Note: values stay raw (no revived Date, no translated enums): dates must keep the camera's
// digits, and reviving would pass them through the computer's time zone.
const OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: true,
  interop: false,
  xmp: false,
  iptc: false,
  icc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  mergeOutput: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
} as const;

type Block = Record<string, unknown>;

function asBlock(v: unknown): Block | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) ? (v as Block) : undefined;
}

const EXIFR_SIGNATURES = [
  [0xff, 0xd8], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
];

/** True when exifr may be given these bytes: JPEG, TIFF or PNG, never ISO-BMFF or unknown data. */
export function exifrMayParse(bytes: Uint8Array): boolean {
  return EXIFR_SIGNATURES.some((sig) => sig.every((b, i) => bytes[i] === b));
}

/** Parses EXIF from a whole JPEG, TIFF or PNG file, or from bare TIFF-structured bytes; other bytes give nothing. */
export async function readExifBlocks(bytes: Uint8Array): Promise<{ blocks: ExifBlocks; error: string | null }> {
  // Note: exifr picks its parser from the bytes, and its HEIF box walker loops forever on a box of
  // length 0 (a 32-byte "ftyp heic" file hangs it); a container block (PNG eXIf, WebP EXIF) could
  // hold such bytes, so only the signatures it parses safely reach it.
  if (!exifrMayParse(bytes)) return { blocks: {}, error: 'not JPEG, TIFF or PNG data' };
  try {
    const out: unknown = await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), OPTIONS);
    const o = asBlock(out) ?? {};
    const errors = Array.isArray(o.errors) ? o.errors.map(String) : [];
    return {
      blocks: { ifd0: asBlock(o.ifd0), exif: asBlock(o.exif), gps: asBlock(o.gps), ifd1: asBlock(o.ifd1) },
      error: errors[0] ?? null,
    };
  } catch (err) {
    return { blocks: {}, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Fills what `into` lacks from `from`, tag by tag (the first block found wins). */
export function mergeExifBlocks(into: ExifBlocks, from: ExifBlocks): ExifBlocks {
  const merged: ExifBlocks = {};
  for (const key of ['ifd0', 'exif', 'gps', 'ifd1'] as const) {
    const a = into[key];
    const b = from[key];
    if (a || b) merged[key] = { ...(b ?? {}), ...(a ?? {}) };
  }
  return merged;
}
