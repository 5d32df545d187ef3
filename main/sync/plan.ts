/** The plan shown before sending: what goes, how many bytes and requests, what cannot go and why. */
import type { BlockedPhoto, SyncPlan } from '../../preload/contract';
import type { SyncRow } from '../catalog/sync-rows';
import { fieldsKey } from './batches';
import { isConvertible } from './convert';

/** States from which pressing Sync sends a photo. */
export const SENDABLE_STATES = new Set(['not-uploaded', 'queued']);

/** True when the photo is not excluded and waits to be sent (not uploaded, failed or uncertain). */
export function isWaiting(row: SyncRow): boolean {
  return !row.excluded && SENDABLE_STATES.has(row.syncState);
}

/** True when pressing Sync would send this photo as it is (duplicates aside). */
export function isSendable(row: SyncRow): boolean {
  return row.uploadable && isWaiting(row);
}

/**
 * Computes the plan for these rows with the current batch cap; `convert`: the opt-in JPEG copies;
 * `earlier`: content hashes uploaded before (also of photos no longer in the catalog).
 */
export function computePlan(
  rows: readonly SyncRow[],
  uniqueId: string,
  cap: number,
  convert = false,
  earlier: ReadonlySet<string> = new Set(),
): SyncPlan {
  const uploadedHashes = new Set(earlier);
  for (const r of rows) if (r.syncState === 'uploaded' && r.contentHash) uploadedHashes.add(r.contentHash);
  const seen = new Set<string>();
  const groups = new Map<string, number>();
  const blocked: BlockedPhoto[] = [];
  let photos = 0;
  let bytes = 0;
  let duplicates = 0;
  for (const r of rows) {
    if (r.excluded || !SENDABLE_STATES.has(r.syncState)) continue;
    if (!r.uploadable && !(convert && isConvertible(r))) {
      blocked.push({ id: r.id, name: r.name, reason: r.problems.join('; ') || 'cannot be uploaded' });
      continue;
    }
    if (r.contentHash && (uploadedHashes.has(r.contentHash) || seen.has(r.contentHash))) {
      duplicates++;
      continue;
    }
    if (r.contentHash) seen.add(r.contentHash);
    photos++;
    bytes += r.size;
    const key = fieldsKey(uniqueId, r.fields);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  let requests = 0;
  for (const n of groups.values()) requests += Math.ceil(n / cap);
  return {
    photos,
    bytes,
    requests,
    blocked,
    alreadyUploaded: rows.filter((r) => r.syncState === 'uploaded').length,
    excluded: rows.filter((r) => r.excluded).length,
    uncertain: rows.filter((r) => r.syncState === 'uncertain').length,
    duplicates,
    timeAsRecorded: 0,
  };
}
