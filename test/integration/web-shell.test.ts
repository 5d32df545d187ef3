import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { startWebShell, type WebShell } from '../../main/web/web-shell';

let home: string;
let staticDir: string;
let shell: WebShell;

/** A raw HTTP request (lets the test set any Host header). */
function raw(
  port: number,
  options: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            text: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POST /ipc/<channel> with the token. */
function ipc(channel: string, body: unknown, token = shell.token) {
  return raw(shell.port, {
    method: 'POST',
    path: `/ipc/${channel}`,
    headers: { 'content-type': 'application/json', 'x-lightbox-token': token },
    body: JSON.stringify(body),
  }).then((r) => ({ ...r, json: r.status === 200 ? (JSON.parse(r.text) as unknown) : null }));
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'lightbox-web-'));
  staticDir = path.join(home, 'web-build');
  await build({
    configFile: path.resolve('vite.web.config.ts'),
    logLevel: 'warn',
    build: { outDir: staticDir, emptyOutDir: true },
  });
  shell = await startWebShell({ home: path.join(home, 'profile'), port: 0, staticDir, env: {} });
});

afterAll(async () => {
  await shell?.close();
  await rm(home, { recursive: true, force: true });
});

describe('web shell', () => {
  it('prints an address on 127.0.0.1 with a long random token', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(shell.url.endsWith(shell.token)).toBe(true);
  });

  it('serves the built renderer with the web bridge and a strict CSP', async () => {
    const page = await raw(shell.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const js = await raw(shell.port, { path: script ?? '' });
    expect(js.text).toContain('x-lightbox-token');
  });

  it('answers IPC calls with Results only when the token is right', async () => {
    const info = await ipc('app.info', {});
    expect(info.json).toMatchObject({ ok: true, value: { shell: 'web' } });
    expect((await ipc('app.info', {}, 'wrong')).status).toBe(403);
    const noToken = await raw(shell.port, { method: 'POST', path: '/ipc/app.info', body: '{}' });
    expect(noToken.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const page = await raw(shell.port, { path: '/', host: `evil.example:${shell.port}` });
    expect(page.status).toBe(403);
    const call = await raw(shell.port, {
      method: 'POST',
      path: '/ipc/app.info',
      host: 'evil.example',
      headers: { 'x-lightbox-token': shell.token },
      body: '{}',
    });
    expect(call.status).toBe(403);
  });

  it('passes schema errors, unknown channels and bad folders back as Results', async () => {
    expect((await ipc('photos.get', { id: -1 })).json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await ipc('shell.exec', {})).json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const missing = await ipc('folders.add', { path: path.join(home, 'no-such-folder') });
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(missing.json)).toContain('no-such-folder');
    expect((await ipc('folders.add', {})).json).toEqual({ ok: true, value: null });
  });

  it('never serves files outside the renderer build, and thumbs only by id', async () => {
    expect((await raw(shell.port, { path: '/../../package.json' })).status).toBe(404);
    expect((await raw(shell.port, { path: '/%2e%2e/%2e%2e/package.json' })).status).toBe(404);
    expect((await raw(shell.port, { path: '/thumb/1' })).status).toBe(403);
    const bad = await raw(shell.port, { path: `/thumb/..%2fcatalog.sqlite?token=${shell.token}` });
    expect(bad.status).toBe(404);
    // A photo without a thumbnail answers 404 with no picture, so the grid shows "no preview".
    const none = await raw(shell.port, { path: `/thumb/999?token=${shell.token}` });
    expect(none.status).toBe(404);
    expect(none.type).not.toContain('image/');
  });

  it('keeps the API key in memory and never returns it', async () => {
    const set = await ipc('secrets.setKey', { key: 'sk-mavi-web-shell-test' });
    expect(set.json).toMatchObject({ ok: true, value: { hasKey: true, backend: 'memory' } });
    expect(set.text).not.toContain('sk-mavi-web-shell-test');
    expect(shell.services.secrets.getKey()).toBe('sk-mavi-web-shell-test');
  });

  it('never lets the page send the key elsewhere: plain http to another host is refused, a new address drops the key', async () => {
    await ipc('secrets.setKey', { key: 'sk-mavi-web-shell-test' });
    const plain = await ipc('settings.set', { apiBase: 'http://attacker.example/' });
    expect(plain.json).toMatchObject({ ok: false });
    expect(shell.services.secrets.getKey()).toBe('sk-mavi-web-shell-test');
    const same = await ipc('settings.set', { apiBase: shell.services.settings.get().apiBase });
    expect(same.json).toMatchObject({ ok: true });
    expect(shell.services.secrets.getKey()).toBe('sk-mavi-web-shell-test');
    const moved = await ipc('settings.set', { apiBase: 'https://elsewhere.example/' });
    expect(moved.json).toMatchObject({ ok: true });
    expect(shell.services.secrets.getKey()).toBeNull();
  });

  it('streams events to a client with the token', async () => {
    expect((await raw(shell.port, { path: '/events' })).status).toBe(403);
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: shell.port,
          path: `/events?token=${shell.token}`,
          headers: { host: `127.0.0.1:${shell.port}` },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes('event: catalog:changed')) {
              resolve(text);
              req.destroy();
            } else if (text.includes(': connected')) {
              shell.services.events.emit('catalog:changed', { ids: [42] });
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(await received).toContain('data: {"ids":[42]}');
  });
});
