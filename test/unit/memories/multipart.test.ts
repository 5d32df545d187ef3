import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMultipart, type FilePart } from '../../../main/memories/multipart';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-multipart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Buffer): FilePart {
  const p = path.join(dir, `f${Math.random()}`);
  writeFileSync(p, bytes);
  return { field: 'files', path: p, name, size: bytes.length, mime: 'image/jpeg' };
}

async function collect(gen: AsyncGenerator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of gen) parts.push(c);
  return Buffer.concat(parts);
}

describe('buildMultipart', () => {
  it('announces exactly the length it streams, and busboy reads back names and bytes intact', async () => {
    const names = ['plain.jpg', 'Été à Nice 東京.jpg', 'a "quoted" name.jpg', 'back\\slash.jpg'];
    const files = names.map((n, i) => file(n, Buffer.alloc(1000 + i * 333, i + 1)));
    const body = buildMultipart(
      [
        { field: 'tags', value: 'sun, sea' },
        { field: 'tags', value: 'Zürich' },
      ],
      files,
    );
    const bytes = await collect(body.stream());
    expect(bytes.length).toBe(body.length);
    const got: { name: string; size: number }[] = [];
    const fields: [string, string][] = [];
    await new Promise<void>((resolve, reject) => {
      const bb = busboy({ headers: { 'content-type': body.contentType }, defParamCharset: 'utf8', preservePath: true });
      bb.on('file', (_f, s, info) => {
        let size = 0;
        s.on('data', (c: Buffer) => (size += c.length));
        s.on('end', () => got.push({ name: info.filename ?? '', size }));
      });
      bb.on('field', (n, v) => fields.push([n, v]));
      bb.on('close', resolve);
      bb.on('error', reject);
      Readable.from([bytes]).pipe(bb);
    });
    expect(got).toEqual(files.map((f) => ({ name: f.name, size: f.size })));
    expect(fields).toEqual([
      ['tags', 'sun, sea'],
      ['tags', 'Zürich'],
    ]);
  });

  it('fails when a file is shorter than announced (changed on disk)', async () => {
    const f = file('x.jpg', Buffer.alloc(100));
    const body = buildMultipart([], [{ ...f, size: 200 }]);
    await expect(collect(body.stream())).rejects.toThrow(/changed/);
  });

  it('tells just before the closing boundary', async () => {
    const body = buildMultipart([], [file('y.jpg', Buffer.alloc(10))]);
    let at = -1;
    let streamed = 0;
    for await (const c of body.stream(undefined, () => (at = streamed))) streamed += c.length;
    expect(at).toBeGreaterThan(0);
    expect(streamed - at).toBe(Buffer.byteLength(body.contentType.split('boundary=')[1]!) + 6);
  });
});
