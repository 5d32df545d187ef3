/** Walks a folder tree for candidate image files. */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { isCandidateImage, isSidecar } from '../metadata/file-kinds';
import { isSystemPath } from './system-folders';

/** One candidate file found on disk. */
export interface FoundFile {
  path: string;
  relPath: string;
  name: string;
  size: number;
  mtimeMs: number;
  /** Newest modification time of its XMP sidecars (`photo.xmp`, `photo.jpg.xmp`), null when none. */
  sidecarMtimeMs: number | null;
}

/** What a walk found, the folders it could not read, and the linked folders it did not follow. */
export interface WalkResult {
  files: FoundFile[];
  unreadable: string[];
  /** Folders reached through a link whose real path lies outside the walked folder (or in /proc, /sys, /dev). */
  outside: string[];
}

async function statFile(abs: string, root: string): Promise<FoundFile | null> {
  try {
    const st = await fs.stat(abs);
    if (!st.isFile()) return null;
    return {
      path: abs,
      relPath: path.relative(root, abs),
      name: path.basename(abs),
      size: st.size,
      mtimeMs: st.mtimeMs,
      sidecarMtimeMs: null,
    };
  } catch {
    return null; // gone or a broken link: it is simply not there
  }
}

/** Newest mtime of a photo's sidecars (`photo.xmp` or `photo.jpg.xmp`, any case), or null. */
function sidecarMtime(photo: string, sidecars: ReadonlyMap<string, number>): number | null {
  const stem = photo.slice(0, photo.length - path.extname(photo).length);
  const times = [`${stem}.xmp`, `${photo}.xmp`]
    .map((p) => sidecars.get(p.toLowerCase()))
    .filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.max(...times) : null;
}

/**
 * Resolves what an entry is, following symbolic links. FIFOs, sockets and devices are 'other' (never
 * opened: reading a FIFO would wait forever), and so is a link to a file of the system's pseudo folders.
 */
async function kindOf(entry: Dirent, abs: string): Promise<'dir' | 'file' | 'other'> {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const st = await fs.stat(abs);
    if (st.isDirectory()) return 'dir';
    return st.isFile() && !isSystemPath(await fs.realpath(abs)) ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

/** True when `real` is `rootReal` or below it. */
function isWithin(real: string, rootReal: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : `${rootReal}${path.sep}`);
}

/**
 * Lists every candidate image under `root`, recursively, sorted by path. Hidden files and folders
 * (names starting with a dot) are skipped; symbolic links are followed, each real folder once, but
 * only to folders inside `root` itself; only regular files are listed.
 */
export async function walkImages(root: string, signal?: AbortSignal): Promise<WalkResult> {
  const result: WalkResult = { files: [], unreadable: [], outside: [] };
  // Note: folders are remembered by real path, so a link back up the tree cannot loop forever.
  const seen = new Set<string>();
  const rootReal = await fs.realpath(root).catch(() => root);
  const stack = [root];
  const sidecars = new Map<string, number>();
  while (stack.length > 0 && !signal?.aborted) {
    const dir = stack.pop() as string;
    try {
      const real = await fs.realpath(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      // Note: a link to / or /proc would otherwise catalog the whole machine (and other processes' roots).
      if (dir !== root && (!isWithin(real, rootReal) || isSystemPath(real))) {
        result.outside.push(dir);
        continue;
      }
      for await (const entry of await fs.opendir(dir)) {
        if (entry.name.startsWith('.')) continue;
        const abs = path.join(dir, entry.name);
        const kind = await kindOf(entry, abs);
        if (kind === 'dir') stack.push(abs);
        else if (kind === 'file' && isCandidateImage(entry.name)) {
          const found = await statFile(abs, root);
          if (found) result.files.push(found);
        } else if (kind === 'file' && isSidecar(entry.name)) {
          const st = await fs.stat(abs).catch(() => null);
          if (st) sidecars.set(abs.toLowerCase(), st.mtimeMs);
        }
      }
    } catch {
      result.unreadable.push(dir);
    }
  }
  for (const file of result.files) file.sidecarMtimeMs = sidecarMtime(file.path, sidecars);
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}
