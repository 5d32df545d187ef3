/** The plan shown before sending: what goes, how many bytes and requests, what cannot go and why. */
import type { BlockedPhoto, SyncPlan } from '../../preload/contract';
import type { SyncRow } from '../catalog/sync-rows';
import { fieldsKey } from './batches';

/** States from which pressing Sync sends a photo. */
export const SENDABLE_STATES = new Set(['not-uploaded', 'queued']);

/** True when pressing Sync would send this photo (duplicates aside). */
export function isSendable(row: SyncRow): boolean {
  return row.uploadable && !row.excluded && SENDABLE_STATES.has(row.syncState);
}

/** Computes the plan for these rows with the current batch cap. */
export function computePlan(rows: readonly SyncRow[], uniqueId: string, cap: number): SyncPlan {
  const uploadedHashes = new Set(
    rows.filter((r) => r.syncState === 'uploaded' && r.contentHash).map((r) => r.contentHash),
  );
  const seen = new Set<string>();
  const groups = new Map<string, number>();
  const blocked: BlockedPhoto[] = [];
  let photos = 0;
  let bytes = 0;
  let duplicates = 0;
  for (const r of rows) {
    if (r.excluded || !SENDABLE_STATES.has(r.syncState)) continue;
    if (!r.uploadable) {
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
  };
}
