/** Folders that hold the operating system's live state, not photos: adding one is refused. */
import { realpathSync, statfsSync } from 'node:fs';
import path from 'node:path';

/** Top folders of pseudo file systems on Linux and macOS, with what they hold. */
const SYSTEM_ROOTS: ReadonlyMap<string, string> = new Map([
  ['/proc', 'the running processes'],
  ['/sys', 'the kernel and its devices'],
  ['/dev', 'the devices'],
]);

/** Linux `statfs` magic numbers of pseudo file systems (proc, sysfs, devpts, debugfs, tracefs, cgroup, securityfs...). */
const PSEUDO_FS_TYPES: ReadonlySet<number> = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x73636673, // securityfs
  0xcafe4a11, // bpf
  0x6e736673, // nsfs
  0x50495045, // pipefs
  0x534f434b, // sockfs
]);

function realOrSelf(absPath: string): string {
  try {
    return realpathSync(absPath);
  } catch {
    return absPath;
  }
}

function pseudoFsType(absPath: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    return PSEUDO_FS_TYPES.has(statfsSync(absPath).type);
  } catch {
    return false;
  }
}

/** True when a real (link-free) path is a system folder, inside one, or on a pseudo file system. */
export function isSystemPath(real: string): boolean {
  return systemRootOf(real) !== null || pseudoFsType(real);
}

function systemRootOf(real: string): string | null {
  for (const root of SYSTEM_ROOTS.keys()) if (real === root || real.startsWith(`${root}/`)) return root;
  return null;
}

/**
 * Why a folder must not be added (a clear sentence), or null when it may be: `/proc`, `/sys`, `/dev`
 * and anything inside them or on a pseudo file system, also when reached through a symbolic link.
 */
export function refuseSystemFolder(absPath: string): string | null {
  const real = realOrSelf(path.resolve(absPath));
  // Note: the real path, so a link to /proc (or to /) placed in a photo folder is judged by its target.
  const root = systemRootOf(real);
  if (root !== null) return refusal(absPath, root, SYSTEM_ROOTS.get(root) ?? 'the system');
  if (pseudoFsType(real)) return refusal(absPath, null, 'the live state of the operating system');
  return null;
}

function refusal(absPath: string, root: string | null, what: string): string {
  const where =
    root === null ? 'on a system file system' : absPath === root ? 'a system folder' : `in ${root}, a system folder`;
  return `${absPath} is ${where} that holds ${what}, not photos. Choose a folder with your pictures.`;
}
