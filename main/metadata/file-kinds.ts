/** Which file names a scan looks at: image-like extensions (any case) and metadata sidecars. */
import path from 'node:path';

/** RAW camera extensions (lower case, with dot). */
export const RAW_EXTENSIONS = [
  '.cr2',
  '.cr3',
  '.crw',
  '.nef',
  '.nrw',
  '.arw',
  '.srf',
  '.sr2',
  '.raf',
  '.orf',
  '.rw2',
  '.dng',
  '.pef',
  '.srw',
  '.x3f',
  '.3fr',
  '.iiq',
  '.erf',
  '.kdc',
  '.mrw',
  '.rwl',
] as const;

/** Image extensions a scan considers (lower case, with dot). */
export const IMAGE_EXTENSIONS = [
  '.jpg',
  '.jpeg',
  '.jpe',
  '.jfif',
  '.png',
  '.gif',
  '.bmp',
  '.dib',
  '.webp',
  '.heic',
  '.heif',
  '.hif',
  '.avif',
  '.tif',
  '.tiff',
  '.jp2',
  '.j2k',
  '.jpf',
  '.jpx',
  ...RAW_EXTENSIONS,
] as const;

const SIDECAR_EXTENSIONS = ['.xmp'];

/** Lower-case extension with the dot ('' when none). */
export function extensionOf(fileName: string): string {
  return path.extname(fileName).toLowerCase();
}

/** True for a file a scan should treat as a photo (by extension, any case; hidden dot-files excluded). */
export function isCandidateImage(fileName: string): boolean {
  const base = path.basename(fileName);
  if (base.startsWith('.')) return false;
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(base));
}

/** True for a metadata sidecar (`photo.xmp`, `photo.jpg.xmp`). */
export function isSidecar(fileName: string): boolean {
  return SIDECAR_EXTENSIONS.includes(extensionOf(fileName));
}

/** True when the name has a RAW camera extension. */
export function hasRawExtension(fileName: string): boolean {
  return (RAW_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}
