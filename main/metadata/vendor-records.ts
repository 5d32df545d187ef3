/** Capture data that cameras keep in their own JPEG records: FLIR thermal cameras (APP1 "FLIR") and old Olympus cameras (APP12 PictureInfo). */
import type { JpegLayout } from './jpeg-segments';
import { appSegments } from './jpeg-segments';

/** What a vendor record holds; raw date digits as `yyyy:MM:dd HH:mm:ss`, GPS already signed. */
export interface VendorReading {
  dateTimeOriginal: string | null;
  zone: string | null;
  subSeconds: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Which record it came from ("FLIR", "Olympus PictureInfo"). */
  source: string;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats seconds since 1970 as `yyyy:MM:dd HH:mm:ss` with UTC arithmetic (independent of the computer's zone). */
export function unixToDigits(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}:${pad(d.getUTCMonth() + 1)}:${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Joins the parts of a multi-segment FLIR APP1 record ("FLIR\0", 1, part, last part) into one FFF block. */
function flirData(layout: JpegLayout): Uint8Array | null {
  const parts = appSegments(layout, 0xe1, 'FLIR\0').sort((a, b) => (a[6] ?? 0) - (b[6] ?? 0));
  if (parts.length === 0) return null;
  return new Uint8Array(Buffer.concat(parts.map((p) => p.subarray(8))));
}

/** Reads the FLIR FFF record directory: CameraInfo (0x20) date and GPSInfo (0x2b) position. */
export function readFlir(layout: JpegLayout): VendorReading | null {
  const fff = flirData(layout);
  if (!fff || fff.length < 0x40 || Buffer.from(fff.subarray(0, 4)).toString('latin1') !== 'FFF\0') return null;
  const view = new DataView(fff.buffer, fff.byteOffset, fff.byteLength);
  // Note: FLIR writes the header big-endian in JPEGs and little-endian in .fff files; the version (100-199) tells which.
  const be = view.getUint32(0x14, false);
  const le = be >= 100 && be < 200 ? false : true;
  const dirAt = view.getUint32(0x18, le);
  const count = view.getUint32(0x1c, le);
  const out: VendorReading = {
    dateTimeOriginal: null,
    zone: null,
    subSeconds: null,
    latitude: null,
    longitude: null,
    source: 'FLIR',
  };
  for (let i = 0; i < count && dirAt + (i + 1) * 0x20 <= fff.length; i++) {
    const entry = dirAt + i * 0x20;
    const type = view.getUint16(entry, le);
    const at = view.getUint32(entry + 0x0c, le);
    const len = view.getUint32(entry + 0x10, le);
    if (at + len > fff.length) continue;
    if (type === 0x20 && len >= 0x38e) readFlirCameraInfo(new DataView(fff.buffer, fff.byteOffset + at, len), out);
    if (type === 0x2b && len >= 0x20)
      readFlirGps(new DataView(fff.buffer, fff.byteOffset + at, len), fff.subarray(at, at + len), out);
  }
  return out;
}

function readFlirCameraInfo(view: DataView, out: VendorReading): void {
  const le = view.getUint16(0, false) >= 0x100; // should read 2 in the right byte order
  const time = view.getUint32(0x384, le);
  const ms = view.getUint32(0x388, le) & 0xffff;
  const tz = view.getInt16(0x38c, le); // minutes west of UTC
  if (time === 0) return;
  out.dateTimeOriginal = unixToDigits(time - tz * 60);
  out.subSeconds = pad(ms, 3);
  const east = -tz;
  out.zone = `${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
}

function readFlirGps(view: DataView, bytes: Uint8Array, out: VendorReading): void {
  if (view.getUint32(0, true) !== 1) return; // GPSValid
  const latRef = String.fromCharCode(bytes[8] ?? 0);
  const lonRef = String.fromCharCode(bytes[10] ?? 0);
  const lat = view.getFloat64(0x10, true);
  const lon = view.getFloat64(0x18, true);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
  out.latitude = latRef === 'S' ? -Math.abs(lat) : lat;
  out.longitude = lonRef === 'W' ? -Math.abs(lon) : lon;
}

/** Reads the text PictureInfo record of old Olympus cameras (APP12): `TimeDate=<seconds since 1970>`. */
export function readPictureInfo(layout: JpegLayout): VendorReading | null {
  for (const seg of layout.segments.filter((s) => s.marker === 0xec)) {
    const text = Buffer.from(seg.data).toString('latin1');
    if (!text.includes('[picture info]')) continue;
    const m = /TimeDate=(\d+)/.exec(text);
    // Note: the camera stores its clock reading as if it were UTC, so the digits come out unshifted.
    if (m?.[1]) {
      return {
        dateTimeOriginal: unixToDigits(Number(m[1])),
        zone: null,
        subSeconds: null,
        latitude: null,
        longitude: null,
        source: 'Olympus PictureInfo',
      };
    }
  }
  return null;
}
