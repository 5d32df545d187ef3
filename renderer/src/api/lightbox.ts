/** The renderer's only door to main: `window.lightbox`, typed by the contract. */
import type { IpcError, LightboxBridge, Result } from '../../../preload/contract';

/** An API call that came back with `ok: false`. */
export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** The bridge set up by the preload (Electron) or the web bridge (web shell). */
export const lightbox: LightboxBridge = (window as unknown as { lightbox: LightboxBridge }).lightbox;

/** Resolves to the value of a Result, or throws an ApiError with its message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** The message of any thrown value, for showing to the person. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
