/** Reads one file's format, size, orientation and upload fields in the calling thread; never throws. */
import path from 'node:path';
import { readMetadataBytes } from './bounded-read';
import { containerBlocks, scanBareTiff, scanExifHeaders } from './container-metadata';
import { exifrMayParse, mergeExifBlocks, readExifBlocks, type ExifBlocks } from './exif-blocks';
import { chooseFields, type RawReadings } from './field-candidates';
import { extensionOf, hasRawExtension } from './file-kinds';
import { readImageSize } from './image-size';
import { iptcFromPhotoshopResources, mergeIptc } from './iptc-reader';
import { walkJpeg, type JpegLayout } from './jpeg-segments';
import { describeNonImage, sniffFormat, type SniffedFormat } from './sniff-format';
import { ifd0TagBytes, repairTiffEntries } from './tiff-ifd';
import type { FieldSources, UploadFields } from '../../preload/contract';
import type { FileMetadata, ImageFormat } from './types';
import { dedupeProblems } from './plain-problem';
import { formatProblem, uploadProblems } from './upload-rules';
import { applySidecar } from './sidecar';
import { readFlir, readPictureInfo, type VendorReading } from './vendor-records';
import { findXmpPackets, xmpFirst } from './xmp-reader';

// Note: HEIC/AVIF are not given to exifr: its box walker loops forever on a truncated file (a
// 32-byte "ftyp heic" hangs it); their Exif item is found by the "Exif" header scan instead.
const EXIFR_FORMATS: readonly ImageFormat[] = ['jpeg', 'tiff', 'png', 'raw'];
const API_FORMATS: readonly ImageFormat[] = ['jpeg', 'png', 'gif', 'bmp', 'webp'];
const IPTC_NAA_TAG = 33723;
const TRUNCATED_JPEG =
  'The image data ends early (the file is truncated); the photo may show a grey band or miss its lower part.';

/** An empty reading with the given problem (unreadable or non-image files). */
export function emptyMetadata(format: SniffedFormat, problems: string[]): FileMetadata {
  return {
    format: format.format,
    mime: format.mime,
    width: null,
    height: null,
    orientation: null,
    fields: { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] },
    sources: {},
    offsetTimeOriginal: null,
    subSeconds: null,
    problems,
    uploadable: false,
  };
}

/** Refines TIFF-structured bytes named like a RAW file (NEF, ARW, DNG...) into a RAW reading. */
function refineFormat(sniffed: SniffedFormat, fileName: string): SniffedFormat {
  if (sniffed.format === 'tiff' && hasRawExtension(fileName)) {
    return { format: 'raw', mime: 'image/x-raw', label: `${extensionOf(fileName).slice(1).toUpperCase()} RAW` };
  }
  return sniffed;
}

/** Reads the file in this thread; never throws (but a parser stuck in a loop would block: see read-file-metadata.ts). */
export async function readFileMetadataInProcess(absPath: string): Promise<FileMetadata> {
  let bytes: Uint8Array;
  let size: number;
  try {
    ({ bytes, size } = await readMetadataBytes(absPath));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it no longer exists' : (err as Error).message;
    return emptyMetadata({ format: 'unknown', mime: null, label: 'unknown' }, [
      `Lightbox couldn't open this file: ${reason}.`,
    ]);
  }
  try {
    // Note: sidecar values win over embedded ones; the upload limits apply to the combined fields.
    return await readBytes(
      bytes,
      path.basename(absPath),
      (fields, sources) => applySidecar(absPath, fields, sources),
      size,
    );
  } catch (err) {
    // Note: a reader bug on one strange file must not stop a scan; the file is listed with the reason.
    return emptyMetadata(sniffFormat(bytes), [
      `Lightbox couldn't read this file's information (${(err as Error).message}).`,
    ]);
  }
}

/** Lays other values (e.g. a sidecar's) over the fields read from the file. */
export type Overlay = (
  fields: UploadFields,
  sources: FieldSources,
) => Promise<{ fields: UploadFields; sources: FieldSources }>;

/** Reads metadata from bytes in memory (the whole file, or its metadata parts and the real `size`); `fileName` is used only for the extension rules. */
export async function readBytes(
  bytes: Uint8Array,
  fileName: string,
  overlay?: Overlay,
  size = bytes.length,
): Promise<FileMetadata> {
  const sniffed = refineFormat(sniffFormat(bytes), fileName);
  if (sniffed.format === 'unknown') return emptyMetadata(sniffed, [describeNonImage(bytes)]);
  const problems: string[] = [];
  const mismatch = nameMismatch(sniffed, fileName);
  if (mismatch) problems.push(mismatch);

  const layout = sniffed.format === 'jpeg' ? walkJpeg(bytes) : null;
  if (layout && !layout.complete) {
    problems.push(TRUNCATED_JPEG);
  }
  const readings = await gatherReadings(bytes, sniffed.format, layout);
  const chosen = chooseFields(readings);
  problems.push(...chosen.problems);
  if (overlay) Object.assign(chosen, await overlay(chosen.fields, chosen.sources));

  const dims = await readImageSize(bytes, sniffed.format);
  const blocking = uploadProblems({
    format: sniffed.format,
    label: sniffed.label,
    fileName,
    size,
    fields: chosen.fields,
  });
  if (dims.problem && API_FORMATS.includes(sniffed.format)) blocking.push(dims.problem);
  // Note: when not even the picture's header can be read, "may show a grey band" would promise too much.
  const own = dims.problem && dims.width === null ? problems.filter((p) => p !== TRUNCATED_JPEG) : problems;
  return {
    format: sniffed.format,
    mime: sniffed.mime,
    width: dims.width,
    height: dims.height,
    orientation: orientationOf(readings.exif, readings.xmp),
    fields: chosen.fields,
    sources: chosen.sources,
    offsetTimeOriginal: chosen.offsetTimeOriginal,
    subSeconds: chosen.subSeconds,
    problems: dedupeProblems([...own, ...blocking]),
    uploadable: blocking.length === 0,
  };
}

/** A note when the name's extension claims another format than the bytes (e.g. a HEIC named .jpg). */
function nameMismatch(sniffed: SniffedFormat, fileName: string): string | null {
  const claimed = sniffFromExtension(extensionOf(fileName));
  if (!claimed || claimed === sniffed.format) return null;
  if (formatProblem(sniffed.format, sniffed.label) === null) return null; // the extension rule explains it
  return `This file is named "${extensionOf(fileName)}" but is really a ${sniffed.label} file.`;
}

function sniffFromExtension(ext: string): ImageFormat | null {
  const map: Record<string, ImageFormat> = {
    '.jpg': 'jpeg',
    '.jpeg': 'jpeg',
    '.png': 'png',
    '.gif': 'gif',
    '.bmp': 'bmp',
    '.webp': 'webp',
    '.heic': 'heic',
    '.heif': 'heic',
    '.avif': 'avif',
    '.tif': 'tiff',
    '.tiff': 'tiff',
    '.jp2': 'jp2',
  };
  return map[ext] ?? (hasRawExtension(ext) ? 'raw' : null);
}

/** Collects EXIF, XMP, IPTC and vendor records from wherever this format keeps them. */
async function gatherReadings(bytes: Uint8Array, format: ImageFormat, layout: JpegLayout | null): Promise<RawReadings> {
  const container = containerBlocks(bytes, format);
  const exif = await readAllExif(bytes, format, container.exif);

  const iptcBlocks = iptcFromPhotoshopResources(bytes);
  for (const block of container.iptc) {
    const inner = iptcFromPhotoshopResources(block);
    iptcBlocks.push(...(inner.length ? inner : [block]));
  }
  if (format === 'tiff' || format === 'raw') {
    const naa = ifd0TagBytes(bytes, IPTC_NAA_TAG);
    if (naa && iptcBlocks.length === 0) iptcBlocks.push(naa);
  }
  const vendors: VendorReading[] = [];
  if (layout) {
    const flir = readFlir(layout);
    const pictureInfo = readPictureInfo(layout);
    if (flir) vendors.push(flir);
    if (pictureInfo) vendors.push(pictureInfo);
  }
  return { exif, xmp: findXmpPackets(bytes), iptc: mergeIptc(iptcBlocks), vendors };
}

function isEmpty(blocks: ExifBlocks): boolean {
  return !blocks.ifd0 && !blocks.exif && !blocks.gps && !blocks.ifd1;
}

/** EXIF via exifr from the file and its container blocks; when that finds nothing, from any "Exif" header, with broken entries repaired. */
async function readAllExif(bytes: Uint8Array, format: ImageFormat, containerExif: Uint8Array[]): Promise<ExifBlocks> {
  let exif: ExifBlocks = {};
  if (EXIFR_FORMATS.includes(format)) exif = (await readExifBlocks(bytes)).blocks;
  for (const block of containerExif) exif = mergeExifBlocks(exif, (await readExifBlocks(block)).blocks);
  if (!isEmpty(exif)) return exif;
  // Note: exifr gives up on a whole file when one directory entry has an invalid type, and it
  // does not open AVIF; both still hold a readable TIFF structure after an "Exif" header.
  const tiffs = [...containerExif, ...scanExifHeaders(bytes)];
  // Note: Canon CR3 (ISO-BMFF) keeps IFD0 and the EXIF tags as bare TIFF structures (CMT1, CMT2 boxes).
  const boxed = format === 'heic' || format === 'avif' || (format === 'raw' && !exifrMayParse(bytes));
  if (boxed && tiffs.length === 0) tiffs.push(...scanBareTiff(bytes));
  if (format === 'tiff' || format === 'raw') tiffs.unshift(bytes);
  for (const tiff of tiffs) {
    let found = await readExifBlocks(tiff);
    if (isEmpty(found.blocks)) found = await readExifBlocks(repairTiffEntries(tiff));
    exif = mergeExifBlocks(exif, exifTagsOutOfIfd0(found.blocks));
  }
  return exif;
}

const EXIF_TAG_NAMES: Record<string, string> = {
  36867: 'DateTimeOriginal',
  36868: 'CreateDate',
  36880: 'OffsetTime',
  36881: 'OffsetTimeOriginal',
  36882: 'OffsetTimeDigitized',
  37521: 'SubSecTimeOriginal',
  37522: 'SubSecTimeDigitized',
};

/** EXIF-IFD tags written straight into a TIFF's IFD0 (Canon CR3's CMT2 box), which exifr leaves unnamed, moved to the EXIF block. */
function exifTagsOutOfIfd0(blocks: ExifBlocks): ExifBlocks {
  const moved = Object.entries(EXIF_TAG_NAMES).filter(([tag]) => blocks.ifd0?.[tag] !== undefined);
  if (moved.length === 0) return blocks;
  const exif = { ...(blocks.exif ?? {}) };
  for (const [tag, name] of moved) exif[name] ??= blocks.ifd0?.[tag];
  return { ...blocks, exif };
}

/** EXIF Orientation (IFD0, then XMP tiff:Orientation, then the thumbnail's IFD1); values outside 1-8 (e.g. 0) are invalid: null. */
function orientationOf(exif: ExifBlocks, xmp: string[]): number | null {
  const valid = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 8 ? v : null);
  const raw = exif.ifd0?.Orientation;
  if (raw !== undefined) return valid(raw);
  const fromXmp = xmpFirst(xmp, 'tiff', 'Orientation');
  if (fromXmp !== null) return valid(Number(fromXmp));
  return valid(exif.ifd1?.Orientation);
}
