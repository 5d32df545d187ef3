/**
 * Keep-alive sockets closed by the server (issue 4, "Transport"): a request cut on a reused socket
 * before its body went out is retried and uploaded exactly once; one cut after the whole body was
 * read is marked uncertain and never sent again silently. Real HTTP server, real catalog, real sync.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import busboy from 'busboy';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listSyncRows } from '../../main/catalog/sync-rows';
import { uploadImages, type UploadFile } from '../../main/memories/upload-images';
import type { UploadFields } from '../../preload/contract';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { openLibrary, syncFor, TEST_KEY, type Library } from '../fake-memories/sync-harness';

/** What the server does with one request, given its socket and its place on that socket (1 = first). */
type Action = 'answer' | 'cut-at-headers' | 'drop-after-body';

/** One request as the server saw it. */
interface Seen {
  socket: number;
  seq: number;
  action: Action;
}

/** A file the server read completely (and so may have stored). */
interface Stored {
  name: string;
  sha256: string;
  id: string;
}

interface KeepAliveServer {
  url: string;
  seen: Seen[];
  stored: Stored[];
  close(): Promise<void>;
}

// Note: bare JSON numbers above 2^53, as the real service sends them.
const FIRST_ID = 568102998803353601n;

/** Reads the multipart body, hashing each file part. */
function readFiles(req: http.IncomingMessage): Promise<{ name: string; sha256: string }[]> {
  return new Promise((resolve, reject) => {
    const files: { name: string; sha256: string }[] = [];
    const bb = busboy({ headers: req.headers });
    bb.on('file', (_field, stream, info) => {
      const h = createHash('sha256');
      stream.on('data', (c: Buffer) => h.update(c));
      stream.on('end', () => files.push({ name: info.filename ?? '', sha256: h.digest('hex') }));
    });
    bb.on('close', () => resolve(files));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

/** A node:http server that keeps connections alive and applies `decide` to each request. */
async function startServer(decide: (s: { socket: number; seq: number }) => Action): Promise<KeepAliveServer> {
  const seen: Seen[] = [];
  const stored: Stored[] = [];
  const sockets = new WeakMap<Socket, { no: number; count: number }>();
  let socketNo = 0;
  const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    const s = sockets.get(req.socket) ?? { no: 0, count: 0 };
    const action = decide({ socket: s.no, seq: ++s.count });
    seen.push({ socket: s.no, seq: s.count, action });
    if (action === 'cut-at-headers') {
      // Note: only the head has been parsed; the body is unread, so nothing can be stored.
      req.socket.destroy();
      return;
    }
    void readFiles(req).then((files) => {
      const ids = files.map((f) => {
        const id = String(FIRST_ID + BigInt(stored.length));
        stored.push({ ...f, id });
        return id;
      });
      if (action === 'drop-after-body') {
        req.socket.destroy();
        return;
      }
      const data = ids.map((id) => `{"id":${id}}`).join(',');
      res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive', 'keep-alive': 'timeout=30' });
      res.end(`{"code":"0000","msg":"success","data":[${data}],"success":true,"failed":false}`);
    });
  });
  server.on('connection', (socket) => sockets.set(socket, { no: ++socketNo, count: 0 }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stored,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The first request that came on a reused socket is cut as soon as its head arrives; all others are answered. */
function cutFirstReuse(): (s: { socket: number; seq: number }) => Action {
  let cut = false;
  return ({ seq }) => {
    if (seq < 2 || cut) return 'answer';
    cut = true;
    return 'cut-at-headers';
  };
}

// Note: the file outgrows what the socket buffers can take, so the cut lands while the body is still
// going out: the case the client can prove harmless. A body handed over whole before a cut is uncertain.
const BIG_PADDING = 12 * 1024 * 1024;

/** A real JPEG made large by bytes after its end marker (readers stop at the marker). */
async function bigPhoto(dir: string, name: string, index: number, dateTimeOriginal?: string): Promise<string> {
  const p = await makePhoto(dir, { name, index, make: 'Canon', model: 'Canon EOS R5', dateTimeOriginal });
  appendFileSync(p, Buffer.alloc(BIG_PADDING, index));
  return p;
}

function sha(p: string): string {
  return createHash('sha256').update(readFileSync(p)).digest('hex');
}

let server: KeepAliveServer | null = null;
let lib: Library | null = null;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-keepalive-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  lib?.close();
  lib = null;
  await server?.close();
  server = null;
});

const NO_FIELDS: UploadFields = { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] };

describe('uploadImages on a keep-alive socket the server closes', () => {
  it('reports a request cut on the reused socket before its body went out as not sent, not stored', async () => {
    const s = (server = await startServer(cutFirstReuse()));
    const agent = new Agent();
    const file = async (name: string, index: number): Promise<UploadFile> => {
      const p = await bigPhoto(dir, name, index);
      return { path: p, name, size: statSync(p).size, mime: 'image/jpeg' };
    };
    const send = async (f: UploadFile) =>
      uploadImages(
        { base: s.url, key: TEST_KEY, uniqueId: 'default', files: [f], fields: NO_FIELDS },
        { dispatcher: agent },
      );
    try {
      const first = await send(await file('first.jpg', 1));
      expect(first.kind).toBe('ok');
      const second = await file('second.jpg', 2);
      const cut = await send(second);
      expect(cut).toMatchObject({ kind: 'transient', sentBody: false, mayBeStored: false });
      // the cut request really came on the socket of the first one, and the server stored nothing of it
      expect(s.seen).toEqual([
        { socket: 1, seq: 1, action: 'answer' },
        { socket: 1, seq: 2, action: 'cut-at-headers' },
      ]);
      expect(s.stored.map((x) => x.name)).toEqual(['first.jpg']);
      // sending it again (what the sync does with such an outcome) stores it once, on a new socket
      const again = await send(second);
      expect(again).toEqual({ kind: 'ok', ids: [s.stored[1]?.id], duplicate: false });
      expect(s.seen[2]).toEqual({ socket: 2, seq: 1, action: 'answer' });
      expect(s.stored.map((x) => x.sha256)).toEqual([sha(path.join(dir, 'first.jpg')), sha(second.path)]);
    } finally {
      await agent.close();
    }
  });
});

describe('sync when the server closes a keep-alive socket', () => {
  it('retries a request cut before its body went out, and uploads every photo exactly once', async () => {
    const l = (lib = openLibrary('lightbox-keepalive-sync-'));
    // Note: different capture times, so each photo goes in its own request, one after the other.
    await bigPhoto(l.photos, 'day-1.jpg', 1, '2024:07:01 10:00:00');
    await bigPhoto(l.photos, 'day-2.jpg', 2, '2024:07:02 10:00:00');
    await bigPhoto(l.photos, 'day-3.jpg', 3, '2024:07:03 10:00:00');
    await l.scan();
    const s = (server = await startServer(cutFirstReuse()));
    const sync = syncFor(l, s.url, { concurrency: 1 });
    sync.start();
    await sync.idle();

    expect(s.seen.filter((x) => x.action === 'cut-at-headers')).toEqual([
      { socket: 1, seq: 2, action: 'cut-at-headers' },
    ]);
    expect(s.seen).toHaveLength(4); // three photos, one request cut and sent again
    const status = sync.status();
    expect(status).toMatchObject({ phase: 'done', doneFiles: 3, failedFiles: 0, uncertainFiles: 0 });
    const rows = listSyncRows(l.catalog.db);
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.syncState).toBe('uploaded');
      const onServer = s.stored.filter((x) => x.sha256 === sha(r.path));
      expect(onServer).toHaveLength(1);
      expect(onServer[0]?.name).toBe(r.name);
      expect(r.remoteId).toBe(onServer[0]?.id);
    }
    expect(s.stored).toHaveLength(3);
  });

  it('marks a photo uncertain when the server read the whole body and closed without answering, and never resends it', async () => {
    const l = (lib = openLibrary('lightbox-keepalive-sync-'));
    const p = await makePhoto(l.photos, {
      name: 'read-then-cut.jpg',
      index: 9,
      dateTimeOriginal: '2024:07:04 10:00:00',
    });
    await l.scan();
    const s = (server = await startServer(() => 'drop-after-body'));
    const sync = syncFor(l, s.url, { concurrency: 1 });
    sync.start();
    await sync.idle();

    expect(s.seen).toEqual([{ socket: 1, seq: 1, action: 'drop-after-body' }]);
    expect(s.stored.map((x) => x.sha256)).toEqual([sha(p)]);
    expect(sync.status()).toMatchObject({ doneFiles: 0, failedFiles: 0, uncertainFiles: 1 });
    const row = listSyncRows(l.catalog.db)[0];
    expect(row?.syncState).toBe('uncertain');
    expect(row?.remoteId).toBeNull();

    // another Sync press does not send it again: the person decides
    expect(sync.plan().photos).toBe(0);
    sync.start();
    await sync.idle();
    expect(s.seen).toHaveLength(1);
    expect(listSyncRows(l.catalog.db)[0]?.syncState).toBe('uncertain');
  });
});
