/** GET /thumb/<id>: the cached thumbnail of a catalog photo, or a neutral placeholder. */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { ThumbService } from '../app/services';

const PLACEHOLDER =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#2a2a2a"/>' +
  '<path d="M14 44l12-14 9 10 6-7 9 11z" fill="#555"/><circle cx="42" cy="22" r="5" fill="#555"/></svg>';

const TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.avif': 'image/avif',
};

/** Serves the thumbnail of photo `idText` (digits only; never a path). */
export async function serveThumb(thumbs: ThumbService, idText: string, res: ServerResponse): Promise<void> {
  const id = /^\d{1,15}$/.test(idText) ? Number(idText) : 0;
  const file = id > 0 ? await thumbs.fileFor(id).catch(() => null) : null;
  const body = file ? await readFile(file).catch(() => null) : null;
  if (!file || !body) {
    res
      .writeHead(id > 0 ? 200 : 404, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' })
      .end(PLACEHOLDER);
    return;
  }
  res
    .writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'image/jpeg',
      'cache-control': 'private, max-age=60',
      'x-content-type-options': 'nosniff',
    })
    .end(body);
}
