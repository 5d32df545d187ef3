/** The photo catalog: one SQLite file holding folders, photos (file values + edits + sync state) and tags. */
import type { Bucket, FolderRecord, PhotoDetail, PhotoQuery, PhotoSummary, TagCount } from '../../preload/contract';
import type { CatalogService, PhotoPatch } from '../app/services';
import type { DatabaseSync } from './db-type';
import { loadRow } from './derived';
import { applyEdit, type EditOutcome } from './edits';
import * as folders from './folders';
import { openDatabase } from './open-db';
import { toDetail, toSummary } from './photo-row';
import { buckets, idForPath, pageRows, queryIds } from './reads';
import { listTags } from './tags';

/** Options of `openCatalog`. */
export interface CatalogOptions {
  /** The URL the renderer uses for a photo's thumbnail; default `thumb://<id>`. */
  thumbUrl?: (id: number) => string;
}

/** The catalog service over one open database. */
export class Catalog implements CatalogService {
  private thumbUrl: (id: number) => string;
  private readonly scanning = new Set<number>();

  constructor(
    readonly db: DatabaseSync,
    options: CatalogOptions = {},
  ) {
    this.thumbUrl = options.thumbUrl ?? ((id) => `thumb://${id}`);
  }

  /** Changes how thumbnail URLs are built (the shell decides: `thumb://` or `/thumb/`). */
  setThumbUrl(thumbUrl: (id: number) => string): void {
    this.thumbUrl = thumbUrl;
  }

  /** Marks a folder as being scanned (shown in its record). */
  setScanning(folderId: number, scanning: boolean): void {
    if (scanning) this.scanning.add(folderId);
    else this.scanning.delete(folderId);
  }

  listFolders(): FolderRecord[] {
    return folders.listFolders(this.db, this.scanning);
  }
  addFolder(absPath: string): FolderRecord {
    return folders.addFolder(this.db, absPath, this.scanning);
  }
  removeFolder(id: number): void {
    folders.removeFolder(this.db, id);
  }
  folderPath(id: number): string | null {
    return folders.folderPath(this.db, id);
  }
  buckets(query: PhotoQuery): Bucket[] {
    return buckets(this.db, query);
  }
  page(query: PhotoQuery, offset: number, limit: number): PhotoSummary[] {
    return pageRows(this.db, query, offset, limit).map((row) => toSummary(row, this.thumbUrl(row.id)));
  }
  ids(query: PhotoQuery): number[] {
    return queryIds(this.db, query);
  }
  get(id: number): PhotoDetail | null {
    const row = loadRow(this.db, id);
    return row ? toDetail(row, this.thumbUrl(id)) : null;
  }
  photoPath(id: number): string | null {
    return loadRow(this.db, id)?.path ?? null;
  }
  /** The id of the photo at an absolute path, or null. */
  idForPath(absPath: string): number | null {
    return idForPath(this.db, absPath);
  }
  applyEdit(ids: number[], patch: PhotoPatch): { updated: number; problems: string[] } {
    const { updated, problems }: EditOutcome = applyEdit(this.db, ids, patch);
    return { updated, problems };
  }
  tags(): TagCount[] {
    return listTags(this.db);
  }
  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

/** Opens (creating and migrating if needed) the catalog file. */
export function openCatalog(file: string, options: CatalogOptions = {}): Catalog {
  return new Catalog(openDatabase(file), options);
}
