/**
 * A multipart/form-data body streamed from disk with an exact length known up front
 * (so the request goes with Content-Length, never chunked, and no file is held in memory).
 */
import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** One file part: read from `path`, announced as `name` with `mime`; `size` must be its byte size. */
export interface FilePart {
  field: string;
  path: string;
  name: string;
  size: number;
  mime: string;
}

/** One text field. */
export interface TextPart {
  field: string;
  value: string;
}

/** A body ready to send. */
export interface MultipartBody {
  contentType: string;
  length: number;
  /**
   * Yields the body; calls `onBytes` as file bytes go out, and `beforeTail` just before the closing
   * boundary (until which no server can have a complete request).
   */
  stream(onBytes?: (n: number) => void, beforeTail?: () => void): AsyncGenerator<Buffer>;
}

/**
 * Quotes a value for a Content-Disposition parameter (RFC 7578 §4.2: UTF-8 as is, no percent-encoding).
 * Note: quotes and backslashes are escaped as a quoted-string; CR and LF cannot appear in a header, so
 * they become %0D / %0A as browsers do.
 */
export function quoteParam(value: string): string {
  const escaped = value
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
  return `"${escaped}"`;
}

/** Builds the body for these fields and files (fields first, then files in order). */
export function buildMultipart(fields: TextPart[], files: FilePart[]): MultipartBody {
  const boundary = `----lightbox${randomBytes(16).toString('hex')}`;
  const fieldChunks = fields.map((f) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoteParam(f.field)}\r\n\r\n${f.value}\r\n`),
  );
  const fileHeads = files.map((f) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name=${quoteParam(f.field)}; filename=${quoteParam(f.name)}\r\n` +
        `Content-Type: ${f.mime}\r\n\r\n`,
    ),
  );
  const crlf = Buffer.from('\r\n');
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length =
    fieldChunks.reduce((n, b) => n + b.length, 0) +
    fileHeads.reduce((n, b) => n + b.length, 0) +
    files.reduce((n, f) => n + f.size + crlf.length, 0) +
    tail.length;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
    async *stream(onBytes, beforeTail) {
      for (const chunk of fieldChunks) yield chunk;
      for (const [i, f] of files.entries()) {
        yield fileHeads[i] as Buffer;
        yield* fileBytes(f, onBytes);
        yield crlf;
      }
      beforeTail?.();
      yield tail;
    },
  };
}

/** Streams one file, failing if it no longer has the size announced in the length. */
async function* fileBytes(f: FilePart, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  let sent = 0;
  const stream = createReadStream(f.path, { highWaterMark: 256 * 1024, end: Math.max(0, f.size - 1) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    sent += chunk.length;
    onBytes?.(chunk.length);
    yield chunk;
  }
  if (sent !== f.size) throw new Error(`${f.name} changed while it was being sent (${sent} of ${f.size} bytes)`);
}
