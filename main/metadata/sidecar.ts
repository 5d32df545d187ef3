/** XMP sidecar files beside a photo (`photo.xmp` or `photo.jpg.xmp`, as darktable, digiKam and Lightroom write them). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FieldSources, UploadFields } from '../../preload/contract';
import { chooseFields } from './field-candidates';
import { findXmpPackets } from './xmp-reader';

/** Sidecar names that belong to a photo, in the order they are preferred (`photo.jpg.xmp` first), in both usual cases. */
export function sidecarNamesFor(photoName: string): string[] {
  const stem = photoName.slice(0, photoName.length - path.extname(photoName).length);
  return [`${photoName}.xmp`, `${photoName}.XMP`, `${stem}.xmp`, `${stem}.XMP`];
}

/** The sidecar file of a photo; null when none. */
export async function findSidecar(absPath: string): Promise<string | null> {
  const dir = path.dirname(absPath);
  // Note: a few stat calls per photo, not a folder listing per photo (folders hold thousands).
  for (const name of sidecarNamesFor(path.basename(absPath))) {
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (info?.isFile()) return path.join(dir, name);
  }
  return null;
}

/** Lays a sidecar's values over the embedded ones: every field the sidecar has wins, with that source. */
export async function applySidecar(
  absPath: string,
  fields: UploadFields,
  sources: FieldSources,
): Promise<{ fields: UploadFields; sources: FieldSources }> {
  const file = await findSidecar(absPath);
  if (!file) return { fields, sources };
  const text = await readFile(file).catch(() => null);
  if (!text) return { fields, sources };
  const side = chooseFields({ exif: {}, xmp: findXmpPackets(new Uint8Array(text)), iptc: null, vendors: [] });
  const label = `XMP sidecar ${path.basename(file)}`;
  const out = { fields: { ...fields }, sources: { ...sources } };
  if (side.fields.datetime_taken !== null) {
    out.fields.datetime_taken = side.fields.datetime_taken;
    out.sources.datetime_taken = label;
  }
  if (side.fields.camera_model !== null) {
    out.fields.camera_model = side.fields.camera_model;
    out.sources.camera_model = label;
  }
  if (side.fields.latitude !== null && side.fields.longitude !== null) {
    out.fields.latitude = side.fields.latitude;
    out.fields.longitude = side.fields.longitude;
    out.sources.location = label;
  }
  if (side.fields.tags.length > 0) {
    out.fields.tags = side.fields.tags;
    out.sources.tags = label;
  }
  return out;
}
