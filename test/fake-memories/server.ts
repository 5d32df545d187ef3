/**
 * A local memories.ai upload server that enforces every rule of memories-api.md, records what it
 * received, and can inject faults (issue 4). Plain node:http + busboy; ids above 2^53 as bare JSON numbers.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { charCount, fileProblem, isValidCoordinate, isValidDatetime, MAX_CAMERA_CHARS, MAX_TAGS } from './rules';

/** The upload path of the real service. */
export const UPLOAD_PATH = '/serve/api/v1/upload_img';

/** One injected fault, chosen when a request arrives. */
export type Fault =
  | { kind: 'http-5xx'; status?: number }
  | { kind: 'rate-limit-http' }
  | { kind: 'rate-limit-body' }
  | { kind: 'drop-after-store' }
  | { kind: 'drop-before-store' }
  | { kind: 'slow-read'; bytesPerSecond: number }
  | { kind: 'error'; code: string; msg: string; httpStatus?: number }
  | { kind: 'garbage-200' }
  /** Rejects the whole request (0001, naming the file) when it holds a file of this name. */
  | { kind: 'reject-file'; name: string; msg?: string };

/** A queue of faults (one per request, `null` = none) or a function choosing one per request. */
export type FaultSource = (Fault | null)[] | ((ctx: { requestNo: number }) => Fault | null | undefined);

/** Options of the fake server. */
export interface FakeMemoriesOptions {
  port?: number;
  host?: string;
  /** Valid keys; when absent any key starting with `sk-` is accepted. */
  keys?: string[];
  /** Key -> account name (rate limit and balance are per account); default one account. */
  accounts?: Record<string, string>;
  /** Most files per request (default 10). */
  batchCap?: number;
  /** Credits: one per stored file (default unlimited). */
  balance?: number;
  /** At most `requests` accepted requests per `perMs` per account (default: no limit). */
  rateLimit?: { requests: number; perMs: number };
  faults?: FaultSource;
  /** Send envelope errors with HTTP 400 (401/402/403/429 where they fit) instead of HTTP 200. */
  errorsAsHttp?: boolean;
  /** Files always rejected by name (the whole request, 0001 with the message): name -> reason. */
  rejectFiles?: Record<string, string>;
  /** How ids are written: bare numbers (default), strings, or alternating. */
  idFormat?: 'number' | 'string' | 'mixed';
}

/** What the server stored for one file. */
export interface StoredUpload {
  id: string;
  requestNo: number;
  account: string;
  uniqueId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  fields: {
    datetime_taken: string | null;
    camera_model: string | null;
    latitude: string | null;
    longitude: string | null;
    /** As received, plus the `api` tag the server adds. */
    tags: string[];
  };
}

/** What the server saw of one request. */
export interface RequestLog {
  no: number;
  authorization: string | null;
  contentLength: string | null;
  transferEncoding: string | null;
  fileNames: string[];
  fieldNames: string[];
  httpStatus: number | null;
  code: string | null;
  msg: string | null;
  fault: Fault['kind'] | null;
  stored: number;
}

/** Everything received, plus the knobs a test may turn while the server runs. */
export interface FakeMemoriesState {
  uploads: StoredUpload[];
  requests: RequestLog[];
  balance: Map<string, number>;
  batchCap: number;
  faults: FaultSource | undefined;
  errorsAsHttp: boolean;
  rateLimit: { requests: number; perMs: number } | undefined;
  /** Default credit of an account seen for the first time. */
  defaultBalance: number;
  /** Called right after files are stored (before the answer is written). */
  onStored: ((stored: StoredUpload[]) => void) | null;
}

/** A running fake server. */
export interface FakeMemories {
  url: string;
  state: FakeMemoriesState;
  close(): Promise<void>;
}

interface Received {
  files: { name: string; contentType: string; size: number; sha256: string; field: string }[];
  fields: [string, string][];
  malformed: string | null;
}

interface Reply {
  status: number;
  code: string;
  msg: string;
  data?: string;
}

/** Starts the fake server on 127.0.0.1 (port 0 = any free port). */
export async function startFakeMemories(options: FakeMemoriesOptions = {}): Promise<FakeMemories> {
  const state: FakeMemoriesState = {
    uploads: [],
    requests: [],
    balance: new Map(),
    batchCap: options.batchCap ?? 10,
    faults: options.faults,
    errorsAsHttp: options.errorsAsHttp ?? false,
    rateLimit: options.rateLimit,
    defaultBalance: options.balance ?? Number.POSITIVE_INFINITY,
    onStored: null,
  };
  const ctx: ServerContext = { state, options, seq: 0n, history: new Map() };
  const server = http.createServer((req, res) => {
    handle(ctx, req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, code: '0500', msg: `fake server error: ${String(err)}` });
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface ServerContext {
  state: FakeMemoriesState;
  options: FakeMemoriesOptions;
  seq: bigint;
  /** Accepted request times per account, for the rate limit. */
  history: Map<string, number[]>;
}

function pickFault(state: FakeMemoriesState, requestNo: number): Fault | null {
  const f = state.faults;
  if (!f) return null;
  if (Array.isArray(f)) return f.length > 0 ? (f.shift() ?? null) : null;
  return f({ requestNo }) ?? null;
}

async function handle(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const { state } = ctx;
  if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== UPLOAD_PATH) {
    await drain(req);
    send(res, { status: 404, code: '0404', msg: `no such endpoint: ${req.method} ${req.url}` });
    return;
  }
  const no = state.requests.length + 1;
  const log: RequestLog = {
    no,
    authorization: req.headers.authorization ?? null,
    contentLength: req.headers['content-length'] ?? null,
    transferEncoding: req.headers['transfer-encoding'] ?? null,
    fileNames: [],
    fieldNames: [],
    httpStatus: null,
    code: null,
    msg: null,
    fault: null,
    stored: 0,
  };
  state.requests.push(log);
  const reply = (r: Reply): void => {
    log.httpStatus = r.status;
    log.code = r.code;
    log.msg = r.msg;
    send(res, r);
  };
  const account = authorize(ctx, req.headers.authorization);
  if (account === null) {
    await drain(req);
    return reply({ status: 401, code: '0401', msg: 'invalid api key' });
  }
  if (!allowRate(ctx, account)) {
    await drain(req);
    return reply(errorReply(state, 429, '0429', 'too many requests: rate limit exceeded'));
  }
  const fault = pickFault(state, no);
  log.fault = fault?.kind ?? null;
  if (fault && (await earlyFault(fault, req, res, reply))) return;
  const received = await receive(req, fault?.kind === 'slow-read' ? fault.bytesPerSecond : 0);
  log.fileNames = received.files.map((f) => f.name);
  log.fieldNames = received.fields.map(([n]) => n);
  const outcome = rejection(ctx, fault, received) ?? accept(ctx, account, received, no);
  if (typeof outcome === 'string') {
    log.stored = 0;
    return reply(
      outcome === 'balance'
        ? errorReply(state, 402, '0402', 'insufficient balance')
        : errorReply(state, 400, '0001', outcome),
    );
  }
  log.stored = outcome.length;
  state.onStored?.(outcome);
  if (fault?.kind === 'drop-after-store') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'garbage-200') {
    log.httpStatus = 200;
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Gateway says hello</html>');
    return;
  }
  reply({ status: 200, code: '0000', msg: 'success', data: idsJson(ctx, outcome) });
}

/** The message of a by-name rejection (option or fault) that applies to this request, if any. */
function rejection(ctx: ServerContext, fault: Fault | null, r: Received): string | null {
  for (const f of r.files) {
    const always = ctx.options.rejectFiles?.[f.name];
    if (always !== undefined) return `file ${f.name}: ${always}`;
    if (fault?.kind === 'reject-file' && f.name === fault.name)
      return `file ${f.name}: ${fault.msg ?? 'image is corrupt'}`;
  }
  return null;
}

/** Handles faults that answer before the body is parsed; true when the request is done. */
async function earlyFault(
  fault: Fault,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  reply: (r: Reply) => void,
): Promise<boolean> {
  switch (fault.kind) {
    case 'http-5xx':
      await drain(req);
      reply({ status: fault.status ?? 503, code: '0500', msg: 'service unavailable' });
      return true;
    case 'rate-limit-http':
      await drain(req);
      reply({ status: 429, code: '0429', msg: 'too many requests' });
      return true;
    case 'rate-limit-body':
      await drain(req);
      reply({ status: 200, code: '0429', msg: 'too many requests' });
      return true;
    case 'error':
      await drain(req);
      reply({ status: fault.httpStatus ?? 200, code: fault.code, msg: fault.msg });
      return true;
    case 'drop-before-store':
      // Note: read a little of the body, then cut the connection: nothing is stored.
      await new Promise<void>((resolve) => {
        req.once('data', () => resolve());
        req.once('end', () => resolve());
      });
      req.socket.destroy();
      res.destroy();
      return true;
    default:
      return false;
  }
}

function authorize(ctx: ServerContext, header: string | undefined): string | null {
  if (!header) return null;
  const keys = ctx.options.keys;
  const ok = keys ? keys.includes(header) : header.startsWith('sk-');
  if (!ok) return null;
  return ctx.options.accounts?.[header] ?? 'default';
}

function allowRate(ctx: ServerContext, account: string): boolean {
  const limit = ctx.state.rateLimit;
  if (!limit) return true;
  const now = Date.now();
  const times = (ctx.history.get(account) ?? []).filter((t) => now - t < limit.perMs);
  if (times.length >= limit.requests) {
    ctx.history.set(account, times);
    return false;
  }
  times.push(now);
  ctx.history.set(account, times);
  return true;
}

function errorReply(state: FakeMemoriesState, httpStatus: number, code: string, msg: string): Reply {
  return { status: state.errorsAsHttp ? httpStatus : 200, code, msg };
}

/** Validates a parsed request and stores its files; returns the stored uploads or why not. */
function accept(ctx: ServerContext, account: string, r: Received, requestNo: number): StoredUpload[] | string {
  const { state } = ctx;
  if (r.malformed) return r.malformed;
  const stray = r.files.find((f) => f.field !== 'files');
  if (stray) return `unexpected file part "${stray.field}" (${stray.name})`;
  if (r.files.length === 0) return 'files is required';
  if (r.files.length > state.batchCap)
    return `too many files in one request: at most ${state.batchCap} files per request`;
  for (const f of r.files) {
    const problem = fileProblem(f.name, f.contentType, f.size);
    if (problem) return problem;
  }
  const fields = parseFields(r.fields);
  if (typeof fields === 'string') return fields;
  const balance = state.balance.get(account) ?? state.defaultBalance;
  if (balance < r.files.length) return 'balance';
  state.balance.set(account, balance - r.files.length);
  const stored = r.files.map((f): StoredUpload => {
    ctx.seq += 1n;
    const id = (568102998803353601n + ctx.seq * 7919n).toString();
    return {
      id,
      requestNo,
      account,
      uniqueId: fields.uniqueId,
      fileName: f.name,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      fields: { ...fields.values, tags: [...fields.values.tags, 'api'] },
    };
  });
  state.uploads.push(...stored);
  return stored;
}

interface ParsedFields {
  uniqueId: string;
  values: StoredUpload['fields'];
}

const SINGLE_FIELDS = ['unique_id', 'datetime_taken', 'camera_model', 'latitude', 'longitude'];

/** Applies the field rules; returns the values or the rejection message. */
function parseFields(list: [string, string][]): ParsedFields | string {
  const single = new Map<string, string>();
  const tags: string[] = [];
  for (const [name, value] of list) {
    if (name === 'tags' || /^tags\[\d+\]$/.test(name)) {
      tags.push(value);
    } else if (SINGLE_FIELDS.includes(name)) {
      if (single.has(name)) return `${name} given more than once`;
      single.set(name, value);
    } else {
      return `unknown parameter ${name}`;
    }
  }
  const dt = single.get('datetime_taken');
  if (dt !== undefined && !isValidDatetime(dt)) return `datetime_taken must be yyyy-MM-dd HH:mm:ss, got "${dt}"`;
  const cam = single.get('camera_model');
  if (cam !== undefined && charCount(cam) > MAX_CAMERA_CHARS) return 'camera_model longer than 200 characters';
  const lat = single.get('latitude');
  const lon = single.get('longitude');
  if ((lat === undefined) !== (lon === undefined)) return 'latitude and longitude must be given together';
  if (lat !== undefined && !isValidCoordinate(lat, 90)) return `latitude is not a valid number: "${lat}"`;
  if (lon !== undefined && !isValidCoordinate(lon, 180)) return `longitude is not a valid number: "${lon}"`;
  if (tags.length > MAX_TAGS) return `at most ${MAX_TAGS} tags, got ${tags.length}`;
  if (tags.some((t) => t.trim() === '')) return 'empty tag';
  const uniqueId = single.get('unique_id') ?? 'default';
  if (uniqueId.trim() === '') return 'unique_id is empty';
  return {
    uniqueId,
    values: {
      datetime_taken: dt ?? null,
      camera_model: cam ?? null,
      latitude: lat ?? null,
      longitude: lon ?? null,
      tags,
    },
  };
}

/** Streams the multipart body through busboy, hashing files without keeping them. */
function receive(req: http.IncomingMessage, bytesPerSecond: number): Promise<Received> {
  const r: Received = { files: [], fields: [], malformed: null };
  return new Promise((resolve) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        preservePath: true,
        limits: { fieldSize: 1024 * 1024 },
      });
    } catch (err) {
      r.malformed = `request must be multipart/form-data (${(err as Error).message})`;
      void drain(req).then(() => resolve(r));
      return;
    }
    bb.on('file', (field, stream, info) => {
      const hash = createHash('sha256');
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      stream.on('end', () => {
        r.files.push({
          name: info.filename ?? '',
          contentType: info.mimeType,
          size,
          sha256: hash.digest('hex'),
          field,
        });
      });
    });
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) r.malformed = `field ${name} too long`;
      r.fields.push([name, value]);
    });
    bb.on('close', () => resolve(r));
    bb.on('error', (err: Error) => {
      r.malformed = `malformed multipart body: ${err.message}`;
      void drain(req).then(() => resolve(r));
    });
    const source: Readable = bytesPerSecond > 0 ? req.pipe(throttle(bytesPerSecond)) : req;
    source.pipe(bb);
  });
}

/** A pass-through that lets at most `bytesPerSecond` through (slow reading). */
function throttle(bytesPerSecond: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      setTimeout(() => done(null, chunk), (chunk.length / bytesPerSecond) * 1000);
    },
  });
}

function drain(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    req.on('end', () => resolve());
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.resume();
  });
}

/** Writes the `data` array by hand so ids stay exact bare numbers (or strings) in the JSON text. */
function idsJson(ctx: ServerContext, stored: StoredUpload[]): string {
  const fmt = ctx.options.idFormat ?? 'number';
  const items = stored.map((u, i) => {
    const asString = fmt === 'string' || (fmt === 'mixed' && i % 2 === 1);
    const id = asString ? `"${u.id}"` : u.id;
    return `{"id":${id},"imageName":${JSON.stringify(u.fileName)},"uploadStatus":"SUCCESS"}`;
  });
  return `[${items.join(',')}]`;
}

function send(res: http.ServerResponse, r: Reply): void {
  const ok = r.code === '0000';
  const body = `{"code":${JSON.stringify(r.code)},"msg":${JSON.stringify(r.msg)},"data":${r.data ?? 'null'},"success":${ok},"failed":${!ok}}`;
  res.writeHead(r.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
