/** How the command line words failures: one clear line, a stack only with LIGHTBOX_DEBUG=1. */
import { accessSync, constants } from 'node:fs';

/** An error whose message is already written for the person at the terminal. */
export class CliError extends Error {}

const OS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'part of that path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EISDIR: 'the catalog file is a folder',
};

const SQLITE_OPEN_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_IOERR']);

function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why the home folder cannot hold the catalog, in plain words; null when the error is about something else. */
function homeReason(home: string, error: unknown): string | null {
  const e = error as { code?: unknown; sqliteCodeName?: unknown } | null;
  if (typeof e?.code === 'string' && OS_REASONS[e.code]) return OS_REASONS[e.code] as string;
  const sqlite = typeof e?.sqliteCodeName === 'string' ? e.sqliteCodeName.replace(/_.*$/, '') : '';
  if (SQLITE_OPEN_CODES.has(e?.sqliteCodeName as string) || SQLITE_OPEN_CODES.has(sqlite)) {
    // Note: SQLite says only "unable to open database file"; the folder's permission tells why.
    return canWrite(home) ? 'the catalog file cannot be opened' : 'permission denied';
  }
  return null;
}

/** Turns a failure to open the catalog in `home` into the line the person needs, or passes it on. */
export function catalogOpenError(home: string, error: unknown): unknown {
  const reason = homeReason(home, error);
  if (reason === null) return error;
  return new CliError(
    `Lightbox cannot write its catalog in ${home}: ${reason}. Set LIGHTBOX_HOME to a folder you can write.`,
  );
}

/** The text printed for an error that ended a command. */
export function errorText(command: string, error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (error instanceof CliError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const debug = env['LIGHTBOX_DEBUG'] === '1' && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  const hint = debug ? '' : ' (set LIGHTBOX_DEBUG=1 for details)';
  return `lightbox ${command}: ${message}${hint}${debug}`;
}

/** True for the error a write to a closed pipe gives (`lightbox list --json | head -1`). */
export function isBrokenPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE';
}
