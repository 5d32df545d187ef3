/** The web shell: the same IPC handlers over loopback HTTP, guarded by a per-run token. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../app/create-services';
import type { Services } from '../app/services';
import { dispatch } from '../ipc/dispatch';
import { createHandlers, type Handlers } from '../ipc/handlers';
import { createMemorySecretService } from '../secrets/memory-secret-service';
import { withEnvOverrides } from '../settings/env-overrides';
import { openFileSettingsStore } from '../settings/file-settings-store';
import { createSettingsService } from '../settings/settings-service';
import { openEventStream } from './event-stream';
import { hostAllowed, tokenMatches } from './guard';
import { serveStatic } from './static-files';
import { serveThumb } from './thumb-route';

/** Where `npm run web` puts the built renderer. */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/web', import.meta.url));

/** Options of a web shell run. */
export interface WebShellOptions {
  home: string;
  /** 0 or absent: a free port. */
  port?: number;
  staticDir?: string;
  /** MEMORIES_API_KEY seeds the in-memory key; MEMORIES_API_BASE / MEMORIES_UNIQUE_ID override those settings. */
  env?: Record<string, string | undefined>;
}

/** A running web shell. */
export interface WebShell {
  url: string;
  token: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

/** Reads a JSON request body (at most 8 MB); undefined when it is not JSON. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads the app version from package.json. */
function appVersion(): string {
  const file = fileURLToPath(new URL('../../package.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Security headers for every response. */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
  "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Routes one request. */
async function route(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { port: number; token: string; handlers: Handlers; services: Services; staticDir: string },
): Promise<void> {
  res.setHeader('content-security-policy', CSP);
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  if (!hostAllowed(req, ctx.port)) {
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden host');
    return;
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`);
  const queryToken = url.searchParams.get('token');
  if (url.pathname.startsWith('/ipc/')) {
    const headerToken = req.headers['x-lightbox-token'];
    if (req.method !== 'POST' || !tokenMatches(typeof headerToken === 'string' ? headerToken : null, ctx.token)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
      return;
    }
    const body = await readJson(req);
    const result =
      body === undefined
        ? { ok: false, error: { code: 'invalid-request', message: 'The request body is not JSON' } }
        : await dispatch(ctx.handlers, url.pathname.slice('/ipc/'.length), body);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(result));
    return;
  }
  if (url.pathname === '/events' || url.pathname.startsWith('/thumb/')) {
    if (req.method !== 'GET' || !tokenMatches(queryToken, ctx.token)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
      return;
    }
    if (url.pathname === '/events') openEventStream(ctx.services.events, req, res);
    else await serveThumb(ctx.services.thumbs, url.pathname.slice('/thumb/'.length), res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  await serveStatic(ctx.staticDir, url.pathname, res);
}

/** Starts the web shell on 127.0.0.1 and returns its address (token included) and services. */
export async function startWebShell(o: WebShellOptions): Promise<WebShell> {
  const env = o.env ?? {};
  const token = randomBytes(24).toString('base64url');
  const settings = withEnvOverrides(createSettingsService(openFileSettingsStore(o.home)), env);
  const services = createServices({
    home: o.home,
    shell: 'web',
    version: appVersion(),
    settings,
    secrets: createMemorySecretService(env.MEMORIES_API_KEY ?? null),
    thumbUrl: (id) => `/thumb/${id}?token=${token}`,
    chooseFolder: () => Promise.resolve(null),
    revealFile: () => undefined,
  });
  const handlers = createHandlers(services);
  const staticDir = path.resolve(o.staticDir ?? DEFAULT_STATIC_DIR);
  const server: Server = createServer();
  const ctx = { port: 0, token, handlers, services, staticDir };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res, ctx).catch((error: unknown) => {
      console.error('[web] request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  ctx.port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${ctx.port}/?token=${token}`;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    services.autoSync.stop();
    services.sync.cancel();
    await services.sync.idle().catch(() => undefined);
    services.catalog.close();
  };
  return { url, token, port: ctx.port, services, close };
}
