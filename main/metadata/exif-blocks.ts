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

/** Parses EXIF from a whole file exifr knows (JPEG, TIFF, HEIC/AVIF, PNG eXIf) or from bare TIFF-structured bytes. */
export async function readExifBlocks(bytes: Uint8Array): Promise<{ blocks: ExifBlocks; error: string | null }> {
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
