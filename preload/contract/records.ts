/** Plain records that cross the bridge: what the renderer sees of folders, photos, sync and settings. */
import type { FieldSources, UploadFields } from './fields';

/** Upload state of one photo (DESIGN.md, "Sync model"). */
export const SYNC_STATES = [
  'not-uploaded',
  'excluded',
  'queued',
  'sending',
  'uploaded',
  'failed',
  'uncertain',
] as const;
/** Upload state of one photo. */
export type SyncState = (typeof SYNC_STATES)[number];

/** A folder the person added. `path` is for display only; the renderer names folders by id. */
export interface FolderRecord {
  id: number;
  path: string;
  name: string;
  photoCount: number;
  problemCount: number;
  scanning: boolean;
  lastScanAt: string | null;
  /** Sub-folders the last scan could not enter (unreadable, or links leading out of the folder); for display. */
  skipped: string[];
}

/** One grid cell: enough to draw a thumbnail with its badges. */
export interface PhotoSummary {
  id: number;
  name: string;
  folderId: number;
  thumbUrl: string;
  width: number | null;
  height: number | null;
  datetimeTaken: string | null;
  state: SyncState;
  uploadable: boolean;
  problemCount: number;
  tagCount: number;
  changedSinceUpload: boolean;
}

/** Everything the inspector shows of one photo. */
export interface PhotoDetail extends PhotoSummary {
  relPath: string;
  sizeBytes: number;
  format: string;
  mime: string | null;
  orientation: number | null;
  /** The values that will be sent (edit, else file). */
  fields: UploadFields;
  /** What the file says, before edits. */
  fileFields: UploadFields;
  /** Which fields carry an edit. */
  edited: Partial<Record<'datetime_taken' | 'camera_model' | 'location' | 'tags', boolean>>;
  sources: FieldSources;
  /** Where the file's own values came from (kept when a field is edited, so both can be shown). */
  fileSources: FieldSources;
  /** Extra time facts shown beside the capture time. */
  offsetTimeOriginal: string | null;
  subSeconds: string | null;
  problems: string[];
  /** Facts about the file that are not problems (e.g. "RAW+JPEG pair: uploads the JPEG"). */
  notes: string[];
  excluded: boolean;
  remoteId: string | null;
  syncError: string | null;
  uploadedAt: string | null;
  /** Fields as sent at upload, when uploaded. */
  sentFields: UploadFields | null;
}

/** Which photos a grid/page query covers. */
export interface PhotoQuery {
  folderId?: number | undefined;
  state?: SyncState | 'problems' | 'changed' | undefined;
  tag?: string | undefined;
  text?: string | undefined;
}

/** Grid section: photos of one month (`yyyy-MM`) or `undated`, newest first. */
export interface Bucket {
  key: string;
  count: number;
}

/** A tag with the number of photos carrying it. */
export interface TagCount {
  tag: string;
  count: number;
}

/** A photo that cannot be sent, and why. */
export interface BlockedPhoto {
  id: number;
  name: string;
  reason: string;
}

/** What pressing Sync will do, before anything is sent. */
export interface SyncPlan {
  photos: number;
  bytes: number;
  requests: number;
  blocked: BlockedPhoto[];
  alreadyUploaded: number;
  excluded: number;
  uncertain: number;
  duplicates: number;
  /** With "send capture time as UTC" on: photos to send whose time zone is unknown, so their time goes as recorded. */
  timeAsRecorded: number;
}

/** Live state of the sync engine. */
export interface SyncStatus {
  phase: 'idle' | 'running' | 'paused' | 'offline' | 'stopped' | 'done';
  /** Why the sync stopped or waits, in words for the photographer. */
  message: string | null;
  totalFiles: number;
  doneFiles: number;
  failedFiles: number;
  uncertainFiles: number;
  totalBytes: number;
  doneBytes: number;
  bytesPerSecond: number;
  secondsLeft: number | null;
}

/** Settings the renderer may read and change. */
export interface Settings {
  apiBase: string;
  uniqueId: string;
  requestsPerSecond: number;
  autoSync: boolean;
  sendTimeAsUtc: boolean;
  convertUnsupported: boolean;
  thumbSize: number;
}

/** What the renderer may know about the API key: never the key. */
export interface KeyStatus {
  hasKey: boolean;
  canEncrypt: boolean;
  backend: string;
  message: string | null;
}

/** Running scan progress for a folder. */
export interface ScanProgress {
  folderId: number;
  found: number;
  done: number;
  failed: number;
  finished: boolean;
}

/** Facts about the running app. */
export interface AppInfo {
  version: string;
  shell: 'electron' | 'web';
  platform: string;
}
