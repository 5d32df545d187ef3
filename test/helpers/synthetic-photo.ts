/** Catalog rows for photos that need not exist on disk: the grid at scale and the catalog benchmark. */
import path from 'node:path';
import type { ScannedFile } from '../../main/catalog/scan-writes';

/** Photo number `i` under `root`: one every ~1.6 hours across 20 years from 2005, newest last. */
export function syntheticPhoto(root: string, i: number, tags: string[] = []): ScannedFile {
  const when = new Date(Date.UTC(2005, 0, 1) + i * 6_000_000);
  const stamp = when.toISOString().slice(0, 19).replace('T', ' ');
  const name = `photo-${String(i).padStart(6, '0')}.jpg`;
  return {
    path: path.join(root, name),
    relPath: name,
    name,
    size: 1_000_000,
    mtimeMs: when.getTime(),
    contentHash: null,
    metadata: {
      format: 'jpeg',
      mime: 'image/jpeg',
      width: 6000,
      height: 4000,
      orientation: 1,
      fields: { datetime_taken: stamp, camera_model: 'Synthetic Camera', latitude: null, longitude: null, tags },
      sources: { datetime_taken: 'EXIF DateTimeOriginal', camera_model: 'EXIF Make + Model' },
      offsetTimeOriginal: null,
      subSeconds: null,
      problems: [],
      uploadable: true,
    },
  };
}
