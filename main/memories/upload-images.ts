/** The memories.ai upload client: one request, multipart streamed from disk, typed outcome. */
import { Readable } from 'node:stream';
import { request, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { UploadFields } from '../../preload/contract';
import { buildMultipart, type FilePart, type TextPart } from './multipart';
import { classifyResponse, type UploadOutcome } from './outcome';

/** The upload path below the API base. */
export const UPLOAD_PATH = '/serve/api/v1/upload_img';

/** One file to send. */
export interface UploadFile {
  path: string;
  name: string;
  size: number;
  mime: string;
}

/** What one request sends. */
export interface UploadRequest {
  base: string;
  key: string;
  uniqueId: string;
  files: UploadFile[];
  /** Applied to every file of the request. */
  fields: UploadFields;
}

/** Timeouts in ms: connect, wait for the answer (idle while sending counts too), and body idle. */
export interface UploadTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

/** Per-call options. */
export interface UploadOptions {
  signal?: AbortSignal;
  timeouts?: Partial<UploadTimeouts>;
  /** Called as file bytes go out (progress). */
  onBytes?: (n: number) => void;
  /**
   * Called synchronously just before the last bytes of the body go out: until then the server cannot
   * have stored anything (the sync records this, so a crash before it is known to be harmless).
   */
  beforeLastBytes?: () => void;
  /** Defaults to a shared agent that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  dispatcher?: Dispatcher;
}

/** Note: generous enough for 20 MB on a slow link; the headers timer restarts while the body is written. */
export const DEFAULT_TIMEOUTS: UploadTimeouts = { connectMs: 30_000, headersMs: 120_000, bodyMs: 60_000 };

let sharedAgent: Dispatcher | null = null;
const agents = new Map<number, Dispatcher>();

function agentFor(connectMs: number): Dispatcher {
  if (connectMs === DEFAULT_TIMEOUTS.connectMs)
    return (sharedAgent ??= new EnvHttpProxyAgent({ connectTimeout: connectMs }));
  let a = agents.get(connectMs);
  if (!a) agents.set(connectMs, (a = new EnvHttpProxyAgent({ connectTimeout: connectMs })));
  return a;
}

/** A coordinate as plain decimal text (never exponent notation). */
export function formatCoordinate(v: number): string {
  let s = String(v);
  if (/e/i.test(s)) s = v.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

/** The text fields of a request, in wire order: one `tags` field per tag, lat/lon only both. */
export function fieldParts(uniqueId: string, f: UploadFields): TextPart[] {
  const parts: TextPart[] = [{ field: 'unique_id', value: uniqueId }];
  if (f.datetime_taken !== null) parts.push({ field: 'datetime_taken', value: f.datetime_taken });
  if (f.camera_model !== null) parts.push({ field: 'camera_model', value: f.camera_model });
  if (f.latitude !== null && f.longitude !== null) {
    parts.push({ field: 'latitude', value: formatCoordinate(f.latitude) });
    parts.push({ field: 'longitude', value: formatCoordinate(f.longitude) });
  }
  for (const tag of f.tags) parts.push({ field: 'tags', value: tag });
  return parts;
}

/** Sends one upload request and maps whatever happens to an outcome; never throws. */
export async function uploadImages(req: UploadRequest, opts: UploadOptions = {}): Promise<UploadOutcome> {
  const t = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const files: FilePart[] = req.files.map((f) => ({ field: 'files', ...f }));
  const body = buildMultipart(fieldParts(req.uniqueId, req.fields), files);
  let sentBody = false;
  // Note: "sent" from just before the closing boundary: from then on the server may have it all.
  const beforeTail = (): void => {
    opts.beforeLastBytes?.();
    sentBody = true;
  };
  const names = req.files.map((f) => f.name);
  try {
    const res = await request(`${withSlash(req.base)}${UPLOAD_PATH.slice(1)}`, {
      method: 'POST',
      headers: {
        authorization: req.key,
        'content-type': body.contentType,
        'content-length': String(body.length),
        accept: 'application/json',
      },
      body: Readable.from(body.stream(opts.onBytes, beforeTail), { objectMode: false }),
      signal: opts.signal,
      headersTimeout: t.headersMs,
      bodyTimeout: t.bodyMs,
      dispatcher: opts.dispatcher ?? agentFor(t.connectMs),
    });
    const text = await res.body.text();
    return classifyResponse(res.statusCode, text, names);
  } catch (err) {
    const message = describeError(err);
    // Note: the server stores only a complete body, so an error before the last byte cannot have stored anything.
    if (opts.signal?.aborted) return { kind: 'aborted', sentBody, mayBeStored: sentBody, message };
    return { kind: 'transient', sentBody, mayBeStored: sentBody, message };
  }
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A short reason for a transport error (code and message, cause included). */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${typeof code === 'string' ? `${code} ` : ''}${err.message}${cause}`;
}

/** True when an error message says the network or server cannot be reached at all. */
export function looksOffline(message: string): boolean {
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN|UND_ERR_CONNECT_TIMEOUT/.test(message);
}
