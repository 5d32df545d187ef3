/** HTTP_PROXY / NO_PROXY are honoured by the client's default agent (undici's EnvHttpProxyAgent). */
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { startFakeMemories, type FakeMemories } from '../fake-memories/server';

const KEY = 'sk-mavi-proxy-test';
let fake: FakeMemories;
let proxy: http.Server;
const proxied: string[] = [];
let dir: string;
const saved = {
  HTTP_PROXY: process.env.HTTP_PROXY,
  NO_PROXY: process.env.NO_PROXY,
  http_proxy: process.env.http_proxy,
  no_proxy: process.env.no_proxy,
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-proxy-'));
  fake = await startFakeMemories({ keys: [KEY] });
  // a minimal forward proxy: absolute-form request in, same request out
  proxy = http.createServer((req, res) => {
    proxied.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const out = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    req.pipe(out);
  });
  // Note: undici's ProxyAgent tunnels with CONNECT, also for http:// targets.
  proxy.on('connect', (req, client: import('node:stream').Duplex, head: Buffer) => {
    proxied.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  delete process.env.http_proxy;
  delete process.env.no_proxy;
  process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  process.env.NO_PROXY = 'example.invalid';
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
  }
  proxy.closeAllConnections();
  await new Promise<void>((r) => proxy.close(() => r()));
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('proxy', () => {
  it('sends the upload through HTTP_PROXY', async () => {
    // Note: imported after the environment is set; the default agent reads it when first made.
    const { uploadImages } = await import('../../main/memories/upload-images');
    const p = await makePhoto(dir, { name: 'p.jpg', index: 1 });
    const out = await uploadImages({
      base: fake.url,
      key: KEY,
      uniqueId: 'default',
      files: [{ path: p, name: 'p.jpg', size: statSync(p).size, mime: 'image/jpeg' }],
      fields: { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] },
    });
    expect(out.kind).toBe('ok');
    expect(proxied).toHaveLength(1);
    expect([`${fake.url}/serve/api/v1/upload_img`, `CONNECT ${fake.url.replace('http://', '')}`]).toContain(proxied[0]);
    expect(fake.state.uploads).toHaveLength(1);
  });
});
