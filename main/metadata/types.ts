/** What metadata reading yields for one file, before any edit. */
import type { FieldSources, UploadFields } from '../../preload/contract';

/** Image format as sniffed from the file's bytes (never from its name). */
export type ImageFormat =
  'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'heic' | 'avif' | 'tiff' | 'jp2' | 'raw' | 'unknown';

/** The reading of one image file. */
export interface FileMetadata {
  format: ImageFormat;
  /** True MIME type of the bytes, null when unknown. */
  mime: string | null;
  width: number | null;
  height: number | null;
  /** EXIF orientation 1-8; null when absent or invalid. */
  orientation: number | null;
  fields: UploadFields;
  sources: FieldSources;
  offsetTimeOriginal: string | null;
  subSeconds: string | null;
  /** Problems with the file itself (unreadable, broken metadata, unsupported by the API, …). */
  problems: string[];
  /** Facts worth showing that are not problems (e.g. a RAW file paired with this JPEG). */
  notes?: string[];
  /** True when the API can take this file as it is (format, size, field limits). */
  uploadable: boolean;
}
