/** Applies the person's edits (one patch to many photos) as overrides over the file's values. */
import type { PhotoPatch } from '../app/services';
import { LIMITS } from '../../preload/contract';
import type { DatabaseSync } from './db-type';
import { sql } from './statements';
import { loadRow, refreshDerived } from './derived';
import { effectiveFields, type PhotoEdits } from './effective';
import { editsOf, effectiveOf, fileFieldsOf, type PhotoRow } from './photo-row';
import { localWallClock, shiftDatetime } from './time-edits';
import { inTransaction } from './transaction';

/** The outcome of one edit over a selection. */
export interface EditOutcome {
  updated: number;
  problems: string[];
  ids: number[];
}

interface EditState {
  edits: PhotoEdits;
  excluded: boolean;
}

type Step = (row: PhotoRow, state: EditState, patch: PhotoPatch) => string | null;

const setTime = (state: EditState, value: string | null): void => {
  state.edits.datetime = { set: true, value };
};

const timeSteps: Step[] = [
  (_row, s, p) => (p.datetime_taken !== undefined ? (setTime(s, p.datetime_taken), null) : null),
  (row, s, p) => {
    if (p.shiftSeconds === undefined) return null;
    const current = effectiveFields(fileFieldsOf(row), s.edits).fields.datetime_taken;
    if (current === null) return 'it has no capture time to shift';
    const shifted = shiftDatetime(current, p.shiftSeconds);
    if (shifted === null) return `shifting ${current} leaves the calendar`;
    setTime(s, shifted);
    return null;
  },
  (row, s, p) => (p.useFileDate ? (setTime(s, localWallClock(row.mtime_ms)), null) : null),
];

function applyRevert(state: EditState, patch: PhotoPatch): void {
  for (const field of patch.revert ?? []) {
    if (field === 'datetime_taken') state.edits.datetime = { set: false, value: null };
    if (field === 'camera_model') state.edits.camera = { set: false, value: null };
    if (field === 'location') state.edits.gps = { set: false, latitude: null, longitude: null };
    if (field === 'tags') state.edits = { ...state.edits, tagsAdded: [], tagsRemoved: [] };
  }
}

function applyTags(row: PhotoRow, state: EditState, patch: PhotoPatch): void {
  const fileTags = new Set(fileFieldsOf(row).tags);
  let added = [...state.edits.tagsAdded];
  let removed = [...state.edits.tagsRemoved];
  for (const tag of patch.removeTags ?? []) {
    added = added.filter((t) => t !== tag);
    if (fileTags.has(tag) && !removed.includes(tag)) removed.push(tag);
  }
  for (const tag of patch.addTags ?? []) {
    removed = removed.filter((t) => t !== tag);
    if (!fileTags.has(tag) && !added.includes(tag)) added.push(tag);
  }
  state.edits = { ...state.edits, tagsAdded: added, tagsRemoved: removed };
}

/** Applies a patch to one row's edit state; returns a problem when this photo must stay as it is. */
function editRow(row: PhotoRow, patch: PhotoPatch, location: PhotoEdits['gps'] | undefined): EditState | string {
  const state: EditState = { edits: editsOf(row), excluded: row.excluded === 1 };
  applyRevert(state, patch);
  for (const step of timeSteps) {
    const problem = step(row, state, patch);
    if (problem) return problem;
  }
  if (patch.camera_model !== undefined) state.edits.camera = { set: true, value: patch.camera_model };
  if (patch.location !== undefined) {
    state.edits.gps = {
      set: true,
      latitude: patch.location?.latitude ?? null,
      longitude: patch.location?.longitude ?? null,
    };
  }
  if (location) state.edits.gps = location;
  applyTags(row, state, patch);
  if (patch.excluded !== undefined) state.excluded = patch.excluded;
  const before = effectiveOf(row).fields.tags.length;
  const after = effectiveFields(fileFieldsOf(row), state.edits).fields.tags.length;
  if (after > LIMITS.maxTags && after > before) {
    return `it would have ${after} tags; memories.ai takes at most ${LIMITS.maxTags}`;
  }
  return state;
}

/** The row as it is after the edit. */
function withState(row: PhotoRow, s: EditState): PhotoRow {
  const e = s.edits;
  return {
    ...row,
    edit_datetime: e.datetime.value,
    edit_datetime_set: e.datetime.set ? 1 : 0,
    edit_camera: e.camera.value,
    edit_camera_set: e.camera.set ? 1 : 0,
    edit_lat: e.gps.latitude,
    edit_lon: e.gps.longitude,
    edit_gps_set: e.gps.set ? 1 : 0,
    edit_tags_added: JSON.stringify(e.tagsAdded),
    edit_tags_removed: JSON.stringify(e.tagsRemoved),
    excluded: s.excluded ? 1 : 0,
  };
}

function writeRow(db: DatabaseSync, r: PhotoRow): void {
  sql(
    db,
    `UPDATE photos SET edit_datetime = ?, edit_datetime_set = ?, edit_camera = ?, edit_camera_set = ?,
       edit_lat = ?, edit_lon = ?, edit_gps_set = ?, edit_tags_added = ?, edit_tags_removed = ?, excluded = ?
     WHERE id = ?`,
  ).run(
    r.edit_datetime,
    r.edit_datetime_set,
    r.edit_camera,
    r.edit_camera_set,
    r.edit_lat,
    r.edit_lon,
    r.edit_gps_set,
    r.edit_tags_added,
    r.edit_tags_removed,
    r.excluded,
    r.id,
  );
}

/** The effective location of `locationFrom`, as an edit; a problem text when there is none. */
function locationSource(db: DatabaseSync, patch: PhotoPatch): PhotoEdits['gps'] | string | undefined {
  if (patch.locationFrom === undefined) return undefined;
  const source = loadRow(db, patch.locationFrom);
  if (!source) return `Photo #${patch.locationFrom} to copy the location from is not in the catalog.`;
  const { fields } = effectiveOf(source);
  if (fields.latitude === null || fields.longitude === null) return `${source.rel_path} has no location to copy.`;
  return { set: true, latitude: fields.latitude, longitude: fields.longitude };
}

/** Applies one patch to many photos in one transaction; a photo that cannot take it is named in `problems`. */
export function applyEdit(db: DatabaseSync, ids: readonly number[], patch: PhotoPatch): EditOutcome {
  const location = locationSource(db, patch);
  if (typeof location === 'string') return { updated: 0, problems: [location], ids: [] };
  return inTransaction(db, () => {
    const outcome: EditOutcome = { updated: 0, problems: [], ids: [] };
    for (const id of ids) {
      const row = loadRow(db, id);
      if (!row) {
        outcome.problems.push(`Photo #${id} is not in the catalog.`);
        continue;
      }
      const result = editRow(row, patch, location);
      if (typeof result === 'string') {
        outcome.problems.push(`${row.rel_path} was not changed: ${result}.`);
        continue;
      }
      const updated = withState(row, result);
      writeRow(db, updated);
      refreshDerived(db, updated, row);
      outcome.updated++;
      outcome.ids.push(id);
    }
    return outcome;
  });
}
