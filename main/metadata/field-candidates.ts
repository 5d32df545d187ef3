/** Picks each upload field from the raw readings, in the product's order of sources. */
import type { FieldSources, UploadFields } from '../../preload/contract';
import { cameraModel, cleanText } from './camera';
import { parseDateTime, parseIptcDateTime, parseOffset, parseSubSeconds, type ParsedDateTime } from './datetime';
import type { ExifBlocks } from './exif-blocks';
import { gpsPair, hemisphere, signed, toDegrees } from './gps';
import type { IptcData } from './iptc-reader';
import { asList, keywordSource, mergeKeywords } from './keywords';
import type { VendorReading } from './vendor-records';
import { xmpFirst, xmpValues } from './xmp-reader';

/** Everything read from one file, before choosing. */
export interface RawReadings {
  exif: ExifBlocks;
  xmp: string[];
  iptc: IptcData | null;
  vendors: VendorReading[];
}

/** The chosen fields, their sources, and what was found on the way. */
export interface ChosenFields {
  fields: UploadFields;
  sources: FieldSources;
  offsetTimeOriginal: string | null;
  subSeconds: string | null;
  problems: string[];
}

interface DateCandidate {
  source: string;
  parsed: ParsedDateTime | null;
}

/** Capture-time candidates in order: DateTimeOriginal (EXIF, XMP, vendor records, IPTC), then CreateDate (EXIF, XMP). */
export function dateCandidates(r: RawReadings): DateCandidate[] {
  const { ifd0 = {}, exif = {} } = r.exif;
  return [
    {
      source: 'EXIF DateTimeOriginal',
      parsed: parseDateTime(exif.DateTimeOriginal) ?? parseDateTime(ifd0.DateTimeOriginal),
    },
    { source: 'XMP DateTimeOriginal', parsed: firstDate(xmpValues(r.xmp, 'exif', 'DateTimeOriginal')) },
    ...r.vendors.map((v) => ({
      source: `${v.source} DateTimeOriginal`,
      parsed: v.dateTimeOriginal ? withExtras(parseDateTime(v.dateTimeOriginal), v.zone, v.subSeconds) : null,
    })),
    { source: 'IPTC DateCreated + TimeCreated', parsed: parseIptcDateTime(r.iptc?.dateCreated, r.iptc?.timeCreated) },
    { source: 'EXIF CreateDate', parsed: parseDateTime(exif.CreateDate) ?? parseDateTime(ifd0.CreateDate) },
    { source: 'XMP CreateDate', parsed: firstDate(xmpValues(r.xmp, 'xmp', 'CreateDate')) },
  ];
}

function firstDate(values: string[]): ParsedDateTime | null {
  for (const v of values) {
    const p = parseDateTime(v);
    if (p) return p;
  }
  return null;
}

function withExtras(p: ParsedDateTime | null, zone: string | null, sub: string | null): ParsedDateTime | null {
  return p ? { ...p, zone: p.zone ?? zone, subSeconds: p.subSeconds ?? sub } : null;
}

function chooseTime(
  r: RawReadings,
): Pick<ChosenFields, 'offsetTimeOriginal' | 'subSeconds'> & { value: string | null; source?: string } {
  const exif = r.exif.exif ?? {};
  const hit = dateCandidates(r).find((c) => c.parsed !== null);
  const fromExif = hit?.source.startsWith('EXIF') ?? false;
  const isOriginal = hit?.source.includes('DateTimeOriginal') ?? false;
  const offset = fromExif ? parseOffset(isOriginal ? exif.OffsetTimeOriginal : exif.OffsetTimeDigitized) : null;
  const sub = fromExif ? parseSubSeconds(isOriginal ? exif.SubSecTimeOriginal : exif.SubSecTimeDigitized) : null;
  return {
    value: hit?.parsed?.value ?? null,
    source: hit?.source,
    offsetTimeOriginal: offset ?? hit?.parsed?.zone ?? parseOffset(exif.OffsetTimeOriginal),
    subSeconds: sub ?? hit?.parsed?.subSeconds ?? null,
  };
}

function chooseCamera(r: RawReadings): { value: string | null; source?: string } {
  const ifd0 = r.exif.ifd0 ?? {};
  const exifMake = cleanText(ifd0.Make);
  const exifModel = cleanText(ifd0.Model);
  const make = exifMake || cleanText(xmpFirst(r.xmp, 'tiff', 'Make'));
  const model = exifModel || cleanText(xmpFirst(r.xmp, 'tiff', 'Model'));
  const value = cameraModel(make, model);
  if (!value) return { value: null };
  return { value, source: exifMake || exifModel ? 'EXIF Make + Model' : 'XMP Make + Model' };
}

function chooseGps(r: RawReadings): {
  latitude: number | null;
  longitude: number | null;
  source?: string;
  problem: string | null;
} {
  const gps = r.exif.gps ?? {};
  const exifLat = toDegrees(gps.GPSLatitude);
  const exifLon = toDegrees(gps.GPSLongitude);
  const xmpLat = xmpFirst(r.xmp, 'exif', 'GPSLatitude');
  const xmpLon = xmpFirst(r.xmp, 'exif', 'GPSLongitude');
  const sources: { source: string; lat: number | null; lon: number | null }[] = [
    {
      source: 'EXIF GPS',
      lat: exifLat === null ? null : signed(exifLat, gps.GPSLatitudeRef),
      lon: exifLon === null ? null : signed(exifLon, gps.GPSLongitudeRef),
    },
    { source: 'XMP GPS', lat: xmpCoordinate(xmpLat), lon: xmpCoordinate(xmpLon) },
    ...r.vendors.map((v) => ({ source: `${v.source} GPS`, lat: v.latitude, lon: v.longitude })),
  ];
  const damaged = (raw: unknown, value: number | null) => raw !== undefined && raw !== null && value === null;
  if (damaged(gps.GPSLatitude, exifLat) || damaged(gps.GPSLongitude, exifLon)) {
    // Note: when the camera's own GPS record is unreadable (e.g. 0/0 seconds), a copy elsewhere
    // in the file cannot be trusted either; exiftool gives no position for these files.
    return {
      latitude: null,
      longitude: null,
      problem: 'The GPS position in this file is damaged, so no location is used.',
    };
  }
  let problem: string | null = null;
  for (const s of sources) {
    if (s.lat === null || s.lon === null) continue;
    const pair = gpsPair(s.lat, s.lon);
    if (pair.problem) problem ??= pair.problem;
    if (pair.latitude !== null && pair.longitude !== null) return { ...pair, source: s.source, problem };
    // Note: an explicit 0,0 or an impossible position is the file's own answer: no location.
    return { latitude: null, longitude: null, problem };
  }
  return { latitude: null, longitude: null, problem };
}

/** XMP GPS text ("43,28.0469N", "43,28,2.8N"): degrees signed by its hemisphere letter. */
function xmpCoordinate(raw: string | null): number | null {
  if (raw === null) return null;
  const deg = toDegrees(raw);
  return deg === null ? null : signed(deg, hemisphere(raw) ?? '');
}

function chooseTags(r: RawReadings): { value: string[]; source?: string } {
  const subject = asList(xmpValues(r.xmp, 'dc', 'subject'));
  const iptc = asList(r.iptc?.keywords ?? []);
  const hierarchical = asList(xmpValues(r.xmp, 'lr', 'hierarchicalSubject'));
  const source = keywordSource(subject, iptc, hierarchical) ?? undefined;
  return { value: mergeKeywords(subject, iptc, hierarchical), source };
}

/** Chooses all upload fields from the readings. */
export function chooseFields(r: RawReadings): ChosenFields {
  const time = chooseTime(r);
  const camera = chooseCamera(r);
  const gps = chooseGps(r);
  const tags = chooseTags(r);
  const sources: FieldSources = {};
  if (time.source && time.value) sources.datetime_taken = time.source;
  if (camera.source) sources.camera_model = camera.source;
  if (gps.source) sources.location = gps.source;
  if (tags.source) sources.tags = tags.source;
  return {
    fields: {
      datetime_taken: time.value,
      camera_model: camera.value,
      latitude: gps.latitude,
      longitude: gps.longitude,
      tags: tags.value,
    },
    sources,
    offsetTimeOriginal: time.offsetTimeOriginal,
    subSeconds: time.subSeconds,
    problems: gps.problem ? [gps.problem] : [],
  };
}
