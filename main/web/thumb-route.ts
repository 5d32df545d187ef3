/** GET /thumb/<id>: the cached thumbnail of a catalog photo, or 404 when it has none. */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { ThumbService } from '../app/services';

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
    // Note: no picture at all (not a neutral one) so the page's <img> fails and the grid shows the
    // format with "no preview" (HEIC, JP2…) instead of an empty picture.
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('No preview');
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
