/**
 * The fake memories.ai server enforces memories-api.md, checked with real HTTP from an independent
 * client (fetch + FormData), not with the product's own client.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMemories, UPLOAD_PATH, type FakeMemories, type FakeMemoriesOptions } from '../fake-memories/server';

const KEY = 'sk-mavi-test-key';
let fake: FakeMemories | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(o: FakeMemoriesOptions = {}): Promise<FakeMemories> {
  fake = await startFakeMemories(o);
  return fake;
}

interface Part {
  name: string;
  type?: string;
  bytes?: Uint8Array<ArrayBuffer>;
}

function jpegish(seed: number, n = 64): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: n }, (_, i) => (seed * 31 + i) % 256);
}

async function post(
  f: FakeMemories,
  files: Part[],
  fields: [string, string][] = [],
  auth: string | null = KEY,
): Promise<{ status: number; text: string; json: { code: string; msg: string; success: boolean; failed: boolean } }> {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  files.forEach((p, i) =>
    form.append('files', new Blob([p.bytes ?? jpegish(i)], { type: p.type ?? 'image/jpeg' }), p.name),
  );
  const res = await fetch(f.url + UPLOAD_PATH, {
    method: 'POST',
    body: form,
    headers: auth ? { authorization: auth } : {},
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as never };
}

describe('fake memories.ai: accepted uploads', () => {
  it('stores each file with its bytes, fields and an id above 2^53 written as a bare JSON number', async () => {
    const f = await start();
    const a = jpegish(1, 500);
    const b = jpegish(2, 700);
    const r = await post(
      f,
      [
        { name: 'IMG 1 é ü.JPG', bytes: a },
        { name: 'b.webp', type: 'image/webp', bytes: b },
      ],
      [
        ['unique_id', 'trip'],
        ['datetime_taken', '2024-07-31 18:05:00'],
        ['camera_model', 'Canon EOS R5'],
        ['latitude', '-33.865143'],
        ['longitude', '151.2099'],
        ['tags', 'beach'],
        ['tags', 'sun, sea'],
      ],
    );
    expect(r.status).toBe(200);
    expect(r.json.code).toBe('0000');
    expect(r.json.success).toBe(true);
    expect(r.json.failed).toBe(false);
    const raw = [...r.text.matchAll(/"id":(\d+)/g)].map((m) => m[1] as string);
    expect(raw).toHaveLength(2);
    for (const id of raw) expect(BigInt(id) > 2n ** 53n).toBe(true);
    expect(f.state.uploads.map((u) => u.id)).toEqual(raw);
    const [u1, u2] = f.state.uploads;
    expect(u1?.fileName).toBe('IMG 1 é ü.JPG');
    expect(u1?.sha256).toBe(createHash('sha256').update(a).digest('hex'));
    expect(u1?.size).toBe(500);
    expect(u2?.contentType).toBe('image/webp');
    expect(u2?.sha256).toBe(createHash('sha256').update(b).digest('hex'));
    expect(u1?.uniqueId).toBe('trip');
    expect(u1?.fields).toEqual({
      datetime_taken: '2024-07-31 18:05:00',
      camera_model: 'Canon EOS R5',
      latitude: '-33.865143',
      longitude: '151.2099',
      tags: ['beach', 'sun, sea', 'api'],
    });
  });

  it('accepts tags[0], tags[1] spelling and defaults unique_id to "default"', async () => {
    const f = await start();
    const r = await post(
      f,
      [{ name: 'a.png', type: 'image/png' }],
      [
        ['tags[0]', 'x'],
        ['tags[1]', 'y'],
      ],
    );
    expect(r.json.code).toBe('0000');
    expect(f.state.uploads[0]?.fields.tags).toEqual(['x', 'y', 'api']);
    expect(f.state.uploads[0]?.uniqueId).toBe('default');
  });

  it('can write ids as strings (older documentation)', async () => {
    const f = await start({ idFormat: 'string' });
    const r = await post(f, [{ name: 'a.gif', type: 'image/gif' }]);
    expect(r.text).toMatch(/"id":"\d{17,}"/);
  });
});

describe('fake memories.ai: refusals', () => {
  it('wants the raw key: no key, a Bearer prefix and unknown keys are refused with 0401', async () => {
    const f = await start({ keys: [KEY] });
    for (const auth of [null, `Bearer ${KEY}`, 'sk-other']) {
      const r = await post(f, [{ name: 'a.jpg' }], [], auth);
      expect(r.status).toBe(401);
      expect(r.json.code).toBe('0401');
    }
    expect(f.state.uploads).toHaveLength(0);
  });

  it.each([
    ['photo.heic', 'image/heic', 64],
    ['photo.tiff', 'image/tiff', 64],
    ['photo.jpg', 'application/octet-stream', 64],
    ['big.jpg', 'image/jpeg', 20 * 1024 * 1024 + 1],
  ])('rejects the whole request for %s (%s, %d bytes) and names the file', async (name, type, size) => {
    const f = await start();
    const r = await post(f, [{ name: 'good.jpg' }, { name, type, bytes: new Uint8Array(size) }]);
    expect(r.json.code).toBe('0001');
    expect(r.json.msg).toContain(name);
    expect(f.state.uploads).toHaveLength(0);
  });

  it('takes a file of exactly 20 MB', async () => {
    const f = await start();
    const r = await post(f, [{ name: 'edge.jpg', bytes: new Uint8Array(20 * 1024 * 1024) }]);
    expect(r.json.code).toBe('0000');
  });

  it.each([
    '2024-07-31T18:05:00',
    '2024-07-31 18:05:00.123',
    '2024-07-31 18:05',
    '2024-13-01 00:00:00',
    '2024-02-30 10:00:00',
    '2024-07-31 24:00:00',
    '2024-07-31 18:05:00Z',
  ])('rejects datetime_taken %s', async (dt) => {
    const f = await start();
    const r = await post(f, [{ name: 'a.jpg' }], [['datetime_taken', dt]]);
    expect(r.json.code).toBe('0001');
    expect(f.state.uploads).toHaveLength(0);
  });

  it('limits camera_model to 200 characters (an emoji is one)', async () => {
    const f = await start();
    expect((await post(f, [{ name: 'a.jpg' }], [['camera_model', '📷'.repeat(200)]])).json.code).toBe('0000');
    expect((await post(f, [{ name: 'a.jpg' }], [['camera_model', 'x'.repeat(201)]])).json.code).toBe('0001');
  });

  it('wants latitude and longitude together, as plain decimals', async () => {
    const f = await start();
    expect((await post(f, [{ name: 'a.jpg' }], [['latitude', '1.5']])).json.code).toBe('0001');
    expect(
      (
        await post(
          f,
          [{ name: 'a.jpg' }],
          [
            ['latitude', '1e-5'],
            ['longitude', '2'],
          ],
        )
      ).json.code,
    ).toBe('0001');
    expect(
      (
        await post(
          f,
          [{ name: 'a.jpg' }],
          [
            ['latitude', '91'],
            ['longitude', '2'],
          ],
        )
      ).json.code,
    ).toBe('0001');
    expect(
      (
        await post(
          f,
          [{ name: 'a.jpg' }],
          [
            ['latitude', '-90'],
            ['longitude', '180'],
          ],
        )
      ).json.code,
    ).toBe('0000');
  });

  it('takes at most 50 tags', async () => {
    const f = await start();
    const tags = (n: number): [string, string][] => Array.from({ length: n }, (_, i) => ['tags', `t${i}`]);
    expect((await post(f, [{ name: 'a.jpg' }], tags(50))).json.code).toBe('0000');
    expect((await post(f, [{ name: 'a.jpg' }], tags(51))).json.code).toBe('0001');
  });

  it('refuses unknown parameters (catches a client typo such as "tag")', async () => {
    const f = await start();
    expect((await post(f, [{ name: 'a.jpg' }], [['tag', 'x']])).json.msg).toContain('tag');
  });

  it('states its batch cap when exceeded', async () => {
    const f = await start({ batchCap: 2 });
    const r = await post(f, [{ name: 'a.jpg' }, { name: 'b.jpg' }, { name: 'c.jpg' }]);
    expect(r.json.code).not.toBe('0000');
    expect(r.json.msg).toMatch(/\b2\b/);
    expect(f.state.uploads).toHaveLength(0);
  });

  it('rate-limits per account (all keys of the account) with 0429', async () => {
    const f = await start({
      keys: [KEY, 'sk-second'],
      accounts: { [KEY]: 'acct', 'sk-second': 'acct' },
      rateLimit: { requests: 1, perMs: 60_000 },
    });
    expect((await post(f, [{ name: 'a.jpg' }])).json.code).toBe('0000');
    expect((await post(f, [{ name: 'a.jpg' }], [], 'sk-second')).json.code).toBe('0429');
  });

  it('charges one credit per file and refuses with 0402 when the balance is short', async () => {
    const f = await start({ balance: 3 });
    expect((await post(f, [{ name: 'a.jpg' }, { name: 'b.jpg' }])).json.code).toBe('0000');
    expect((await post(f, [{ name: 'c.jpg' }, { name: 'd.jpg' }])).json.code).toBe('0402');
    expect(f.state.uploads).toHaveLength(2);
  });

  it('can send errors as HTTP 4xx instead of 200', async () => {
    const f = await start({ errorsAsHttp: true, batchCap: 1 });
    const r = await post(f, [{ name: 'a.jpg' }, { name: 'b.jpg' }]);
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('0001');
  });
});

describe('fake memories.ai: injected faults', () => {
  it('answers 5xx, 429 as HTTP and as body code, and a chosen error with HTTP 200, storing nothing', async () => {
    const f = await start({
      faults: [
        { kind: 'http-5xx', status: 502 },
        { kind: 'rate-limit-http' },
        { kind: 'rate-limit-body' },
        { kind: 'error', code: '0403', msg: 'account disabled' },
      ],
    });
    const a = await post(f, [{ name: 'a.jpg' }]);
    const b = await post(f, [{ name: 'a.jpg' }]);
    const c = await post(f, [{ name: 'a.jpg' }]);
    const d = await post(f, [{ name: 'a.jpg' }]);
    expect([a.status, b.status, c.status, d.status]).toEqual([502, 429, 200, 200]);
    expect([b.json.code, c.json.code, d.json.code]).toEqual(['0429', '0429', '0403']);
    expect(f.state.uploads).toHaveLength(0);
  });

  it('drops the connection after storing (the answer is lost)', async () => {
    const f = await start({ faults: [{ kind: 'drop-after-store' }] });
    await expect(post(f, [{ name: 'a.jpg' }])).rejects.toThrow();
    expect(f.state.uploads).toHaveLength(1);
  });

  it('drops the connection before storing', async () => {
    const f = await start({ faults: [{ kind: 'drop-before-store' }] });
    await expect(post(f, [{ name: 'a.jpg', bytes: new Uint8Array(2_000_000) }])).rejects.toThrow();
    expect(f.state.uploads).toHaveLength(0);
  });

  it('reads slowly but still stores', async () => {
    const f = await start({ faults: [{ kind: 'slow-read', bytesPerSecond: 200_000 }] });
    expect((await post(f, [{ name: 'a.jpg', bytes: new Uint8Array(100_000) }])).json.code).toBe('0000');
  });

  it('can answer 200 with a non-JSON page after storing', async () => {
    const f = await start({ faults: [{ kind: 'garbage-200' }] });
    const form = new FormData();
    form.append('files', new Blob([jpegish(1)], { type: 'image/jpeg' }), 'a.jpg');
    const res = await fetch(f.url + UPLOAD_PATH, { method: 'POST', body: form, headers: { authorization: KEY } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html>');
    expect(f.state.uploads).toHaveLength(1);
  });
});
