/**
 * The seams between main-process modules: each module implements one interface here, the IPC
 * handlers, the web shell and the CLI use only these. Plain Node: nothing here imports `electron`.
 */
import type {
  Bucket,
  EventMap,
  EventName,
  FolderRecord,
  KeyStatus,
  PhotoDetail,
  PhotoQuery,
  PhotoSummary,
  Settings,
  SyncPlan,
  SyncStatus,
  TagCount,
} from '../../preload/contract';
import type { z } from 'zod';
import type { photoPatchSchema } from '../../preload/contract';

/** One edit, as parsed from the contract. */
export type PhotoPatch = z.output<typeof photoPatchSchema>;

/** Pushes coalesced events to whoever listens (the window, the web shell's event stream). */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** The photo catalog (SQLite). Methods are synchronous: queries are small and indexed. */
export interface CatalogService {
  listFolders(): FolderRecord[];
  /** Adds a folder (idempotent by absolute path) and returns it. */
  addFolder(absPath: string): FolderRecord;
  removeFolder(id: number): void;
  folderPath(id: number): string | null;
  buckets(query: PhotoQuery): Bucket[];
  page(query: PhotoQuery, offset: number, limit: number): PhotoSummary[];
  ids(query: PhotoQuery): number[];
  /** Null when no such photo. */
  get(id: number): PhotoDetail | null;
  /** Absolute path of a photo's file, for main-side work only (never sent to the renderer). */
  photoPath(id: number): string | null;
  applyEdit(ids: number[], patch: PhotoPatch): { updated: number; problems: string[] };
  tags(): TagCount[];
  close(): void;
}

/** What a scan could not enter: folders it could not read, and linked folders leading out of the added one. */
export interface ScanSummary {
  unreadable: string[];
  outside: string[];
}

/** Walks folders and brings the catalog up to date with the disk. */
export interface ScanService {
  /** Starts (or restarts) a scan of a folder; resolves when it is done. Progress goes out as `scan:progress`. */
  scanFolder(folderId: number): Promise<ScanSummary>;
  cancel(folderId: number): void;
  isScanning(folderId: number): boolean;
}

/** Thumbnails on disk, made with sharp, by catalog id. */
export interface ThumbService {
  /** The URL the renderer uses for a photo's thumbnail (`thumb://<id>` or `/thumb/<id>`). */
  urlFor(id: number): string;
  /** Absolute path of a ready thumbnail (made now if needed), or null if it cannot be made. */
  fileFor(id: number): Promise<string | null>;
}

/** The upload queue. */
export interface SyncService {
  plan(ids?: number[]): SyncPlan;
  start(ids?: number[]): SyncStatus;
  pause(): SyncStatus;
  resume(): SyncStatus;
  cancel(): SyncStatus;
  status(): SyncStatus;
  retryFailed(): { requeued: number };
  resolveUncertain(ids: number[], action: 'upload-again' | 'mark-uploaded'): { resolved: number };
  report(): string;
  /** Resolves when the running sync (if any) has finished. */
  idle(): Promise<void>;
}

/** Persistent settings with defaults. */
export interface SettingsService {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
}

/** The API key, encrypted at rest; never returned to the renderer. */
export interface SecretService {
  status(): KeyStatus;
  setKey(key: string): KeyStatus;
  clearKey(): KeyStatus;
  /** For the main process only (sync). Null when no key or it cannot be decrypted. */
  getKey(): string | null;
}

/** Everything the IPC handlers need, built by a composition root (Electron, web shell, CLI). */
export interface Services {
  shell: 'electron' | 'web';
  version: string;
  events: EventBus;
  catalog: CatalogService;
  scanner: ScanService;
  thumbs: ThumbService;
  sync: SyncService;
  settings: SettingsService;
  secrets: SecretService;
  /** Asks the person for a folder (system picker); null when cancelled or unavailable. */
  chooseFolder(): Promise<string | null>;
  /** Shows a file in the system file manager; a no-op where there is none. */
  revealFile(absPath: string): void;
}
