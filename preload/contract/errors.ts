/** Results across IPC: only a code and a message survive a process boundary. */

/** Error codes a handler may return. */
export type ErrorCode =
  'invalid-request' | 'not-found' | 'forbidden' | 'no-key' | 'cannot-encrypt' | 'busy' | 'internal';

/** A failed call. */
export interface IpcError {
  code: ErrorCode;
  message: string;
}

/** What every handler returns over the bridge. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** An error a handler throws on purpose; its code and message reach the renderer. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
