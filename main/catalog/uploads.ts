/**
 * The sync-state transitions of photos (DESIGN.md, "Sync model"), each committed in its own transaction:
 * queued -> sending -> uploaded | failed | uncertain. Also the learned facts kept in `meta`.
 */
import type { UploadFields } from '../../preload/contract';
import type { DatabaseSync } from './db-type';
import { inTransaction } from './transaction';

/** An id list as one JSON parameter (`id IN (SELECT value FROM json_each(?))`). */
function idList(ids: readonly number[]): string {
  return JSON.stringify(ids);
}

const IN_IDS = 'id IN (SELECT value FROM json_each(?))';

function now(at?: number): string {
  return new Date(at ?? Date.now()).toISOString();
}

/** Queues photos that are not uploaded yet (or already queued); returns how many are queued now. */
export function queuePhotos(db: DatabaseSync, ids: readonly number[], at?: number): number {
  return inTransaction(db, () => {
    const r = db
      .prepare(
        `UPDATE photos SET sync_state = 'queued', sync_error = NULL, sync_retryable = NULL, sync_updated_at = ?
         WHERE ${IN_IDS} AND sync_state IN ('not-uploaded', 'queued')`,
      )
      .run(now(at), idList(ids));
    return Number(r.changes);
  });
}

/** The note of a photo whose request has not sent its last bytes: nothing can have been stored. */
export const SENDING_PARTIAL = 'Being sent; the request is not complete yet.';
/** The note of a photo whose whole request went out: the server may have stored it. */
export const SENDING_COMPLETE = 'Sent; waiting for the answer of memories.ai.';

/** Marks photos as being sent; committed before the request goes out. */
export function markSending(db: DatabaseSync, ids: readonly number[], at?: number): number[] {
  // Note: only photos still queued and not excluded are claimed: the person may have excluded one (or
  // resolved it) after Sync was pressed, and an excluded photo is never sent.
  return inTransaction(db, () =>
    (
      db
        .prepare(
          `UPDATE photos SET sync_state = 'sending', sync_error = ?, sync_attempts = sync_attempts + 1, sync_updated_at = ?
           WHERE ${IN_IDS} AND sync_state = 'queued' AND excluded = 0 RETURNING id`,
        )
        .all(SENDING_PARTIAL, now(at), idList(ids)) as { id: number }[]
    ).map((r) => r.id),
  );
}

/** Records that a request is about to send its last bytes (committed before they go). */
export function markBodyComplete(db: DatabaseSync, ids: readonly number[], at?: number): void {
  inTransaction(db, () => {
    db.prepare(`UPDATE photos SET sync_error = ?, sync_updated_at = ? WHERE ${IN_IDS} AND sync_state = 'sending'`).run(
      SENDING_COMPLETE,
      now(at),
      idList(ids),
    );
  });
}

/** One stored upload: the exact remote id and the fields that went with it. */
export interface UploadedItem {
  id: number;
  remoteId: string;
  sentFields: UploadFields;
}

/** Records uploads (remote id as exact text) in one transaction. */
export function markUploaded(db: DatabaseSync, items: readonly UploadedItem[], at?: number): void {
  inTransaction(db, () => {
    const stmt = db.prepare(
      `UPDATE photos SET sync_state = 'uploaded', remote_id = ?, sent_fields = ?, uploaded_at = ?,
         sync_error = NULL, sync_retryable = NULL, sync_updated_at = ? WHERE id = ?`,
    );
    // Note: kept apart from the photo, so its bytes stay known as uploaded if its folder is removed.
    const remember = db.prepare(
      `INSERT INTO upload_history (content_hash, remote_id, sent_fields, uploaded_at)
       SELECT content_hash, ?, ?, ? FROM photos WHERE id = ? AND content_hash IS NOT NULL
       ON CONFLICT(content_hash) DO NOTHING`,
    );
    const t = now(at);
    for (const it of items) {
      const sent = JSON.stringify(it.sentFields);
      stmt.run(it.remoteId, sent, t, t, it.id);
      remember.run(it.remoteId, sent, t, it.id);
    }
  });
}

/** Records a failure with its reason and whether a retry can help. */
export function markFailed(
  db: DatabaseSync,
  ids: readonly number[],
  reason: string,
  retryable: boolean,
  at?: number,
): void {
  inTransaction(db, () => {
    db.prepare(
      `UPDATE photos SET sync_state = 'failed', sync_error = ?, sync_retryable = ?, sync_updated_at = ? WHERE ${IN_IDS}`,
    ).run(reason, retryable ? 1 : 0, now(at), idList(ids));
  });
}

/** Records photos whose request may have reached the server; never retried without the person. */
export function markUncertain(db: DatabaseSync, ids: readonly number[], reason: string, at?: number): void {
  inTransaction(db, () => {
    db.prepare(
      `UPDATE photos SET sync_state = 'uncertain', sync_error = ?, sync_retryable = NULL, sync_updated_at = ? WHERE ${IN_IDS}`,
    ).run(reason, now(at), idList(ids));
  });
}

/** Puts photos back in the queue (the request was refused before anything could be stored). */
export function requeue(db: DatabaseSync, ids: readonly number[], note: string | null = null, at?: number): void {
  inTransaction(db, () => {
    db.prepare(`UPDATE photos SET sync_state = 'queued', sync_error = ?, sync_updated_at = ? WHERE ${IN_IDS}`).run(
      note,
      now(at),
      idList(ids),
    );
  });
}

/** Takes queued photos out of the queue (cancel); returns how many. */
export function unqueue(db: DatabaseSync, ids: readonly number[], at?: number): number {
  return inTransaction(db, () => {
    const r = db
      .prepare(
        `UPDATE photos SET sync_state = 'not-uploaded', sync_error = NULL, sync_updated_at = ?
         WHERE ${IN_IDS} AND sync_state = 'queued'`,
      )
      .run(now(at), idList(ids));
    return Number(r.changes);
  });
}

/**
 * At start-up: a photo left `sending` whose request never sent its last bytes goes back to the queue;
 * any other may have reached the server, so it becomes `uncertain`. Returns how many became uncertain.
 */
export function recoverInterrupted(db: DatabaseSync, at?: number): number {
  return recoverInterruptedIds(db, at).length;
}

/** `recoverInterrupted`, returning the ids of the photos that became uncertain. */
export function recoverInterruptedIds(db: DatabaseSync, at?: number): number[] {
  return inTransaction(db, () => {
    db.prepare(
      `UPDATE photos SET sync_state = 'queued', sync_error = NULL, sync_updated_at = ?
       WHERE sync_state = 'sending' AND sync_error = ?`,
    ).run(now(at), SENDING_PARTIAL);
    const rows = db
      .prepare(
        `UPDATE photos SET sync_state = 'uncertain', sync_updated_at = ?,
           sync_error = 'Lightbox stopped while this photo was being sent; the server may or may not have it.'
         WHERE sync_state = 'sending' RETURNING id`,
      )
      .all(now(at)) as { id: number }[];
    return rows.map((r) => r.id);
  });
}

/** Puts every failed photo back in the queue; returns how many. */
export function requeueFailed(db: DatabaseSync, at?: number): number {
  return inTransaction(db, () => {
    const r = db
      .prepare(
        `UPDATE photos SET sync_state = 'queued', sync_error = NULL, sync_retryable = NULL, sync_updated_at = ?
         WHERE sync_state = 'failed'`,
      )
      .run(now(at));
    return Number(r.changes);
  });
}

/** Uncertain photos to send again: back to the queue; returns how many. */
export function uncertainToQueued(db: DatabaseSync, ids: readonly number[], at?: number): number {
  return inTransaction(db, () => {
    const r = db
      .prepare(
        `UPDATE photos SET sync_state = 'queued', sync_error = NULL, sync_updated_at = ?
         WHERE ${IN_IDS} AND sync_state = 'uncertain'`,
      )
      .run(now(at), idList(ids));
    return Number(r.changes);
  });
}

/** Uncertain photos the person counts as uploaded (no remote id is known); returns how many. */
export function uncertainToUploaded(
  db: DatabaseSync,
  items: readonly { id: number; fields: UploadFields }[],
  at?: number,
): number {
  return inTransaction(db, () => {
    const stmt = db.prepare(
      `UPDATE photos SET sync_state = 'uploaded', remote_id = NULL, sent_fields = ?, uploaded_at = ?,
         sync_error = 'Counted as uploaded by you; its memories.ai id is not known.', sync_updated_at = ?
       WHERE id = ? AND sync_state = 'uncertain'`,
    );
    const t = now(at);
    let n = 0;
    for (const it of items) n += Number(stmt.run(JSON.stringify(it.fields), t, t, it.id).changes);
    return n;
  });
}

/** Stores a photo's content hash (sha256 hex of its bytes). */
export function setContentHash(db: DatabaseSync, id: number, hash: string): void {
  db.prepare('UPDATE photos SET content_hash = ? WHERE id = ?').run(hash, id);
}

/** The name given to an upload whose photo is no longer in the catalog (its folder was removed). */
export const EARLIER_UPLOAD_NAME = 'a photo uploaded earlier';

/**
 * An uploaded photo with these bytes, if any; else an earlier upload of them whose photo left the catalog
 * (`id` null). Both are the same kind of duplicate: the bytes are on memories.ai already.
 */
export function uploadedWithHash(
  db: DatabaseSync,
  hash: string,
): { id: number | null; remoteId: string | null; sentFields: string | null; name: string } | null {
  const row = db
    .prepare(
      `SELECT id, remote_id, sent_fields, name FROM photos WHERE content_hash = ? AND sync_state = 'uploaded'
       ORDER BY uploaded_at LIMIT 1`,
    )
    .get(hash) as { id: number; remote_id: string | null; sent_fields: string | null; name: string } | undefined;
  if (row) return { id: row.id, remoteId: row.remote_id, sentFields: row.sent_fields, name: row.name };
  const earlier = db.prepare('SELECT remote_id, sent_fields FROM upload_history WHERE content_hash = ?').get(hash) as
    { remote_id: string; sent_fields: string | null } | undefined;
  return earlier
    ? { id: null, remoteId: earlier.remote_id, sentFields: earlier.sent_fields, name: EARLIER_UPLOAD_NAME }
    : null;
}

/** Of these content hashes, those uploaded before (kept even when their photos left the catalog). */
export function uploadedHashes(db: DatabaseSync, hashes: readonly string[]): Set<string> {
  const rows = db
    .prepare('SELECT content_hash FROM upload_history WHERE content_hash IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(hashes)) as { content_hash: string }[];
  return new Set(rows.map((r) => r.content_hash));
}

/** Records a photo whose identical bytes were already uploaded as that upload (no second request). */
export function markDuplicateOf(
  db: DatabaseSync,
  id: number,
  original: { remoteId: string | null; sentFields: string | null; name: string },
  at?: number,
): void {
  inTransaction(db, () => {
    const t = now(at);
    db.prepare(
      `UPDATE photos SET sync_state = 'uploaded', remote_id = ?, sent_fields = ?, uploaded_at = ?,
         sync_error = ?, sync_retryable = NULL, sync_updated_at = ? WHERE id = ?`,
    ).run(
      original.remoteId,
      original.sentFields,
      t,
      `Same bytes as ${original.name}, already uploaded: not sent again.`,
      t,
      id,
    );
  });
}

/** Offset (e.g. `+02:00`) recorded for photos, by id. */
export function offsetsOf(db: DatabaseSync, ids: readonly number[]): Map<number, string> {
  const rows = db
    .prepare(`SELECT id, offset_time_original FROM photos WHERE ${IN_IDS} AND offset_time_original IS NOT NULL`)
    .all(idList(ids)) as { id: number; offset_time_original: string }[];
  return new Map(rows.map((r) => [r.id, r.offset_time_original]));
}

/** A learned fact from `meta`, or null. */
export function getMeta(db: DatabaseSync, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Remembers a learned fact in `meta`. */
export function setMeta(db: DatabaseSync, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** Failed and uncertain photos with their reasons, by path (for the report). */
export function problemUploads(
  db: DatabaseSync,
): { path: string; state: string; reason: string | null; retryable: boolean | null }[] {
  const rows = db
    .prepare(
      `SELECT path, sync_state, sync_error, sync_retryable FROM photos
       WHERE sync_state IN ('failed', 'uncertain') ORDER BY sync_state, path`,
    )
    .all() as { path: string; sync_state: string; sync_error: string | null; sync_retryable: number | null }[];
  return rows.map((r) => ({
    path: r.path,
    state: r.sync_state,
    reason: r.sync_error,
    retryable: r.sync_retryable === null ? null : r.sync_retryable === 1,
  }));
}

/** Current sync state of one photo. */
export function syncStateOf(db: DatabaseSync, id: number): string | null {
  const row = db.prepare('SELECT sync_state FROM photos WHERE id = ?').get(id) as { sync_state: string } | undefined;
  return row?.sync_state ?? null;
}

/** The name of an uncertain photo with these bytes (other than `exceptId`), if any. */
export function uncertainWithHash(db: DatabaseSync, hash: string, exceptId: number): string | null {
  const row = db
    .prepare(`SELECT name FROM photos WHERE content_hash = ? AND sync_state = 'uncertain' AND id != ? LIMIT 1`)
    .get(hash, exceptId) as { name: string } | undefined;
  return row?.name ?? null;
}
