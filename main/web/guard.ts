/** Request guards of the web shell: per-run token and Host header (DNS-rebinding) checks. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** True when `given` equals the run's token (constant-time compare). */
export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * True when the Host header names this server on loopback.
 * Note: a page on another origin that rebinds its DNS name to 127.0.0.1 still sends its own name
 * as Host, so this check stops it even before the token does.
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
