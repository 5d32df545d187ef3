/** Effective upload fields: the person's edit where there is one, else what the file says. Pure. */
import type { FieldName, FieldSources, UploadFields } from '../../preload/contract';

/** The person's overrides of one photo; `set` tells "edited (maybe to empty)" from "not edited". */
export interface PhotoEdits {
  datetime: { set: boolean; value: string | null };
  camera: { set: boolean; value: string | null };
  gps: { set: boolean; latitude: number | null; longitude: number | null };
  tagsAdded: string[];
  tagsRemoved: string[];
}

/** The values that will be sent, where each came from, and which fields carry an edit. */
export interface EffectiveFields {
  fields: UploadFields;
  sources: FieldSources;
  edited: Partial<Record<FieldName, boolean>>;
}

/** The source name of an edited field. */
export const EDITED_SOURCE = 'edited';

/** No edits at all. */
export function noEdits(): PhotoEdits {
  return {
    datetime: { set: false, value: null },
    camera: { set: false, value: null },
    gps: { set: false, latitude: null, longitude: null },
    tagsAdded: [],
    tagsRemoved: [],
  };
}

/** File tags minus the removed ones, plus the added ones; duplicates dropped, order kept. */
export function effectiveTags(
  fileTags: readonly string[],
  added: readonly string[],
  removed: readonly string[],
): string[] {
  const gone = new Set(removed);
  return [...new Set([...fileTags.filter((t) => !gone.has(t)), ...added])];
}

/** Combines a file's fields with the person's edits. */
export function effectiveFields(
  file: UploadFields,
  edits: PhotoEdits,
  fileSources: FieldSources = {},
): EffectiveFields {
  const fields: UploadFields = { ...file, tags: [...file.tags] };
  const sources: FieldSources = { ...fileSources };
  const edited: Partial<Record<FieldName, boolean>> = {};
  if (edits.datetime.set) {
    fields.datetime_taken = edits.datetime.value;
    sources.datetime_taken = EDITED_SOURCE;
    edited.datetime_taken = true;
  }
  if (edits.camera.set) {
    fields.camera_model = edits.camera.value;
    sources.camera_model = EDITED_SOURCE;
    edited.camera_model = true;
  }
  if (edits.gps.set) {
    const both = edits.gps.latitude !== null && edits.gps.longitude !== null;
    fields.latitude = both ? edits.gps.latitude : null;
    fields.longitude = both ? edits.gps.longitude : null;
    sources.location = EDITED_SOURCE;
    edited.location = true;
  }
  if (edits.tagsAdded.length > 0 || edits.tagsRemoved.length > 0) {
    fields.tags = effectiveTags(file.tags, edits.tagsAdded, edits.tagsRemoved);
    sources.tags = EDITED_SOURCE;
    edited.tags = true;
  }
  return { fields, sources, edited };
}

/** True when two sets of upload fields would send the same values (tag order does not matter). */
export function sameFields(a: UploadFields, b: UploadFields): boolean {
  const tagsA = [...new Set(a.tags)].sort();
  const tagsB = [...new Set(b.tags)].sort();
  return (
    a.datetime_taken === b.datetime_taken &&
    a.camera_model === b.camera_model &&
    a.latitude === b.latitude &&
    a.longitude === b.longitude &&
    tagsA.length === tagsB.length &&
    tagsA.every((t, i) => t === tagsB[i])
  );
}
