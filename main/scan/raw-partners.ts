/** RAW + JPEG pairs in a scan: a paired RAW is not a photo of its own; the JPEG's reading takes what it lacks from the RAW. */
import path from 'node:path';
import { mergeRawMetadata, pairRawFiles, PAIR_NOTE } from '../metadata/raw-pairs';
import type { MetadataReader } from './read-file';
import type { FoundFile } from './walk';

/** The files that are photos (paired RAWs left out) and each paired JPEG's RAW, by absolute path. */
export function withoutPairedRaws(files: readonly FoundFile[]): { files: FoundFile[]; partners: Map<string, string> } {
  const byDir = new Map<string, FoundFile[]>();
  for (const f of files) byDir.set(path.dirname(f.path), [...(byDir.get(path.dirname(f.path)) ?? []), f]);
  const partners = new Map<string, string>();
  const paired = new Set<string>();
  for (const [dir, inDir] of byDir) {
    for (const pair of pairRawFiles(inDir.map((f) => f.name)).pairs) {
      partners.set(path.join(dir, pair.jpeg), path.join(dir, pair.raw));
      paired.add(path.join(dir, pair.raw));
    }
  }
  const raws = new Map(files.filter((f) => paired.has(f.path)).map((f) => [f.path, f]));
  const kept = files
    .filter((f) => !paired.has(f.path))
    .map((f) => withRawTime(f, raws.get(partners.get(f.path) ?? '')));
  return { files: kept, partners };
}

/** Note: the RAW's modification time joins the sidecar time the catalog compares, so a changed RAW rereads its JPEG. */
function withRawTime(file: FoundFile, raw: FoundFile | undefined): FoundFile {
  if (!raw) return file;
  return { ...file, sidecarMtimeMs: Math.max(file.sidecarMtimeMs ?? 0, raw.mtimeMs) };
}

/** A reader that, for a paired JPEG, also reads its RAW and merges the two, with the pair's note. */
export function readingPairs(read: MetadataReader, partners: ReadonlyMap<string, string>): MetadataReader {
  return async (absPath) => {
    const md = await read(absPath);
    const raw = partners.get(absPath);
    if (!raw) return md;
    const merged = mergeRawMetadata(md, await read(raw), path.basename(raw));
    return { ...merged, notes: [...(merged.notes ?? []), `${PAIR_NOTE} (${path.basename(raw)})`] };
  };
}
