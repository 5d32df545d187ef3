/** The typed result of one upload request, and the mapping from HTTP status + envelope to it. */
import { parseLossless, RawNumber, type LosslessValue } from './lossless-json';

/** What one upload request came to. */
export type UploadOutcome =
  | { kind: 'ok'; ids: string[]; duplicate: boolean }
  /** Rejected; `file` is the index of the file the message names, when it names one. */
  | { kind: 'validation'; file: number | null; message: string }
  | { kind: 'rate-limited'; message: string }
  | { kind: 'auth'; message: string }
  | { kind: 'balance'; message: string }
  | { kind: 'disabled'; message: string }
  | { kind: 'duplicate'; message: string }
  | { kind: 'cap'; cap: number; message: string }
  /**
   * No usable answer. `sentBody`: the whole body went out; `mayBeStored`: no answer says it was not
   * stored (so retrying could duplicate).
   */
  | { kind: 'transient'; sentBody: boolean; mayBeStored: boolean; message: string }
  /** Stopped by our own signal (pause/cancel); same flags as transient. */
  | { kind: 'aborted'; sentBody: boolean; mayBeStored: boolean; message: string }
  | { kind: 'unknown'; code: string; message: string };

/** The parsed envelope. */
interface Envelope {
  code: string | null;
  msg: string;
  data: LosslessValue;
}

function readEnvelope(text: string): Envelope | null {
  let v: LosslessValue;
  try {
    v = parseLossless(text);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof RawNumber) return null;
  const code = v.code instanceof RawNumber ? v.code.text : typeof v.code === 'string' ? v.code : null;
  return { code, msg: typeof v.msg === 'string' ? v.msg : '', data: v.data ?? null };
}

/** Exact decimal ids of `data`, one per file, or null when they are not all there. */
export function extractIds(data: LosslessValue, count: number): string[] | null {
  if (!Array.isArray(data) || data.length !== count) return null;
  const ids: string[] = [];
  for (const item of data) {
    if (item === null || typeof item !== 'object' || Array.isArray(item) || item instanceof RawNumber) return null;
    const id = item.id;
    const text = id instanceof RawNumber ? id.text : typeof id === 'string' ? id.trim() : null;
    if (text === null || !/^\d+$/.test(text)) return null;
    ids.push(text);
  }
  return ids;
}

/** The cap a "too many files" message states, or null. */
export function capFromMessage(msg: string): number | null {
  if (!/(too many|at most|maximum|max\.?|exceed|limit|up to)/i.test(msg) || !/(file|image|photo)/i.test(msg))
    return null;
  const m = /(\d+)/.exec(msg);
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Index of the file a message names (the longest name found in it), or null. */
export function fileNamedIn(msg: string, names: string[]): number | null {
  let best: number | null = null;
  names.forEach((name, i) => {
    if (name && msg.includes(name) && (best === null || name.length > (names[best] ?? '').length)) best = i;
  });
  return best;
}

const TRANSIENT_MSG = /network|abnormal|timeout|timed out|busy|try again|temporar|unavailable/i;

/** Maps an answered request to an outcome. `names` are the file names in part order. */
export function classifyResponse(status: number, text: string, names: string[]): UploadOutcome {
  const env = readEnvelope(text);
  const code = env?.code ?? null;
  const msg = env?.msg || `HTTP ${status}`;
  if (code === '0000' && status < 400) {
    const ids = extractIds(env?.data ?? null, names.length);
    if (ids) return { kind: 'ok', ids, duplicate: false };
    return {
      kind: 'transient',
      sentBody: true,
      mayBeStored: true,
      message: 'the server said success but sent no usable ids',
    };
  }
  if (code === '0429' || status === 429) return { kind: 'rate-limited', message: msg };
  if (code === '0401' || code === '9009' || status === 401) return { kind: 'auth', message: msg };
  if (code === '0402' || status === 402) return { kind: 'balance', message: msg };
  if (code === '0403') return { kind: 'disabled', message: msg };
  if (code === '0409') {
    const ids = extractIds(env?.data ?? null, names.length);
    return ids ? { kind: 'ok', ids, duplicate: true } : { kind: 'duplicate', message: msg };
  }
  if (code === '0001' || code === '0003' || (status >= 400 && status < 500 && status !== 404 && code !== null)) {
    const cap = capFromMessage(msg);
    if (cap !== null) return { kind: 'cap', cap, message: msg };
    const file = fileNamedIn(msg, names);
    if (file === null && TRANSIENT_MSG.test(msg))
      return { kind: 'transient', sentBody: true, mayBeStored: false, message: msg };
    return { kind: 'validation', file, message: msg };
  }
  if (status >= 500) return { kind: 'transient', sentBody: true, mayBeStored: false, message: `server error: ${msg}` };
  if (env === null) {
    // Note: a 2xx whose body is not our envelope (a proxy page?) may hide a stored upload.
    const mayBeStored = status < 400;
    return { kind: 'transient', sentBody: true, mayBeStored, message: `unexpected answer (HTTP ${status})` };
  }
  if (status === 403) return { kind: 'auth', message: msg };
  return { kind: 'unknown', code: code ?? `HTTP ${status}`, message: msg };
}
