/** Grouping photos into upload requests: identical field values only, up to the cap. */
import type { UploadFields } from '../../preload/contract';

/** A canonical text of the values sent (tag order and duplicates do not matter). */
export function fieldsKey(uniqueId: string, f: UploadFields): string {
  return JSON.stringify([
    uniqueId,
    f.datetime_taken,
    f.camera_model,
    f.latitude,
    f.longitude,
    [...new Set(f.tags)].sort(),
  ]);
}

/** A photo ready to be sent. */
export interface SendItem {
  id: number;
  path: string;
  name: string;
  size: number;
  mime: string;
  /** The values to send (after the UTC setting). */
  fields: UploadFields;
  /** Send a converted JPEG copy (opt-in); `path` is then replaced by the copy's while sending. */
  convert?: boolean;
  /** The photo's own file, when `path` points at a converted copy. */
  sourcePath?: string;
}

/** One request: photos sharing the same field values. */
export interface Batch {
  key: string;
  fields: UploadFields;
  items: SendItem[];
}

/** Most bytes per request, so one request stays reasonable on a slow link. */
export const MAX_BATCH_BYTES = 100 * 1024 * 1024;

/**
 * Splits photos into requests: one group per distinct field values, chunks of at most `cap` files and
 * MAX_BATCH_BYTES, and never two files of the same name in one request (so an error naming a file is unambiguous).
 */
export function makeBatches(uniqueId: string, items: readonly SendItem[], cap: number): Batch[] {
  const groups = new Map<string, SendItem[]>();
  for (const it of items) {
    const key = fieldsKey(uniqueId, it.fields);
    const list = groups.get(key);
    if (list) list.push(it);
    else groups.set(key, [it]);
  }
  const batches: Batch[] = [];
  for (const [key, list] of groups) {
    let open: Batch[] = [];
    for (const it of list) {
      let b = open.find((x) => fits(x, it, cap));
      if (!b) {
        b = { key, fields: it.fields, items: [] };
        open.push(b);
        batches.push(b);
      }
      b.items.push(it);
      open = open.filter((x) => x.items.length < cap);
    }
  }
  return batches;
}

function fits(b: Batch, it: SendItem, cap: number): boolean {
  if (b.items.length >= cap) return false;
  if (b.items.some((x) => x.name === it.name)) return false;
  const bytes = b.items.reduce((n, x) => n + x.size, 0);
  return b.items.length === 0 || bytes + it.size <= MAX_BATCH_BYTES;
}

/** Re-splits a batch's items into batches of at most `cap`. */
export function splitBatch(b: Batch, uniqueId: string, cap: number): Batch[] {
  return makeBatches(uniqueId, b.items, cap).map((x) => ({ ...x, fields: b.fields }));
}
