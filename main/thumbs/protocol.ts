/** The `thumb:` scheme: `thumb://photo/<id>` serves that photo's cached thumbnail; ids only, never paths. */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { ThumbService } from '../app/services';

/** The scheme's name (also named in the CSP's img-src). */
export const THUMB_SCHEME = 'thumb';

/** The URL the renderer uses for a photo's thumbnail in Electron. */
export function thumbUrl(id: number): string {
  return `${THUMB_SCHEME}://photo/${id}`;
}

/** Reads the photo id from a thumb URL; null for anything else. */
export function parseThumbId(url: string): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${THUMB_SCHEME}:` || parsed.hostname !== 'photo') return null;
  const match = /^\/(\d{1,15})\/?$/.exec(parsed.pathname);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Makes the scheme standard and secure so the page may load it under its CSP; call before `ready`. */
export function registerThumbScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: THUMB_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `thumb://photo/<id>` from the thumbnail cache; call after `ready`. */
export function handleThumbProtocol(thumbs: ThumbService): void {
  protocol.handle(THUMB_SCHEME, async (request) => {
    const id = parseThumbId(request.url);
    if (id === null) return new Response('Not found', { status: 404 });
    const file = await thumbs.fileFor(id).catch(() => null);
    // Note: 404, as in the web shell: the renderer then draws a "no preview" cell naming the format.
    if (!file) return new Response('No thumbnail', { status: 404 });
    return net.fetch(pathToFileURL(file).href);
  });
}
