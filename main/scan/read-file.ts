/** Reads one found file into what the catalog stores; never throws. */
import type { ScannedFile } from '../catalog/scan-writes';
import type { FileMetadata } from '../metadata/types';
import { emptyMetadata } from '../metadata/read-in-process';
import { sha256File } from './content-hash';
import type { FoundFile } from './walk';

/** Reads a file's metadata. */
export type MetadataReader = (absPath: string) => Promise<FileMetadata>;

/** The metadata of a file that could not be read at all. */
export function unreadableMetadata(reason: string): FileMetadata {
  return emptyMetadata({ format: 'unknown', mime: null, label: 'file' }, [`Could not read this file: ${reason}`]);
}

/** Reads metadata and content hash of one file. */
export async function readFound(found: FoundFile, readMetadata: MetadataReader): Promise<ScannedFile> {
  let metadata: FileMetadata;
  try {
    metadata = await readMetadata(found.path);
  } catch (error) {
    // Note: the reader promises never to throw; this guard keeps one bad file from stopping a scan anyway.
    metadata = unreadableMetadata(error instanceof Error ? error.message : String(error));
  }
  return { ...found, contentHash: await sha256File(found.path).catch(() => null), metadata };
}
