/** Builds FileMetadata values for catalog tests (what a reader would yield for a made-up file). */
import type { FileMetadata } from '../../../main/metadata/types';
import type { UploadFields } from '../../../preload/contract';

/** A readable JPEG's metadata with the given fields. */
export function makeMetadata(fields: Partial<UploadFields> = {}, extra: Partial<FileMetadata> = {}): FileMetadata {
  return {
    format: 'jpeg',
    mime: 'image/jpeg',
    width: 640,
    height: 480,
    orientation: 1,
    fields: { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [], ...fields },
    sources: fields.datetime_taken ? { datetime_taken: 'EXIF DateTimeOriginal' } : {},
    offsetTimeOriginal: null,
    subSeconds: null,
    problems: [],
    uploadable: true,
    ...extra,
  };
}
