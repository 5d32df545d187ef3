/** Compares the catalog's sync states with what the fake server stored: nothing lost, no silent duplicate. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SyncRow } from '../../main/catalog/sync-rows';
import type { StoredUpload } from './server';

/** The counts every fault test prints. */
export interface Audit {
  photos: number;
  queued: number;
  uploaded: number;
  failed: number;
  uncertain: number;
  duplicatesOnServer: number;
  /** Server duplicates of photos not flagged uncertain. */
  unflaggedDuplicates: number;
  /** Photos in no final state, uploaded photos whose id the server does not have, or stored photos the catalog does not know. */
  lost: number;
  /** Uncertain photos the server did store (the rest were not stored). */
  uncertainStored: number;
  problems: string[];
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Audits the sendable rows against the server's uploads. */
export function audit(rows: readonly SyncRow[], uploads: readonly StoredUpload[]): Audit {
  const a: Audit = {
    photos: rows.length,
    queued: 0,
    uploaded: 0,
    failed: 0,
    uncertain: 0,
    duplicatesOnServer: 0,
    unflaggedDuplicates: 0,
    lost: 0,
    uncertainStored: 0,
    problems: [],
  };
  const byHash = new Map<string, StoredUpload[]>();
  for (const u of uploads) byHash.set(u.sha256, [...(byHash.get(u.sha256) ?? []), u]);
  const rowsByHash = new Map<string, SyncRow[]>();
  for (const r of rows) {
    const h = sha(r.path);
    rowsByHash.set(h, [...(rowsByHash.get(h) ?? []), r]);
    if (r.syncState === 'queued') a.queued++;
    else if (r.syncState === 'uploaded') a.uploaded++;
    else if (r.syncState === 'failed') a.failed++;
    else if (r.syncState === 'uncertain') {
      a.uncertain++;
      if (byHash.has(h)) a.uncertainStored++;
    } else {
      a.lost++;
      a.problems.push(`${r.name}: left in state ${r.syncState}`);
    }
    if (r.syncState === 'uploaded') {
      const match = (byHash.get(h) ?? []).find((u) => u.id === r.remoteId);
      if (!match) {
        a.lost++;
        a.problems.push(`${r.name}: uploaded with id ${r.remoteId} the server does not have for these bytes`);
      }
    }
  }
  for (const [h, ups] of byHash) {
    const rs = rowsByHash.get(h) ?? [];
    const flagged = rs.some((r) => r.syncState === 'uncertain');
    if (ups.length > 1) {
      a.duplicatesOnServer += ups.length - 1;
      if (!flagged) {
        a.unflaggedDuplicates += ups.length - 1;
        a.problems.push(`${ups[0]?.fileName}: stored ${ups.length} times`);
      }
    }
    const known = rs.some(
      (r) => (r.syncState === 'uploaded' && ups.some((u) => u.id === r.remoteId)) || r.syncState === 'uncertain',
    );
    if (!known) {
      a.lost++;
      a.problems.push(`${ups[0]?.fileName}: stored on the server (id ${ups[0]?.id}) but the catalog does not know it`);
    }
  }
  return a;
}

/** One printable line of an audit. */
export function auditLine(label: string, a: Audit): string {
  return `${label}: photos ${a.photos}, queued ${a.queued}, uploaded ${a.uploaded}, failed ${a.failed}, uncertain ${a.uncertain} (stored on server ${a.uncertainStored}), duplicates on server ${a.duplicatesOnServer} (unflagged ${a.unflaggedDuplicates}), lost ${a.lost}`;
}
