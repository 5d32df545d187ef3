/** GPS: signed decimal degrees from the forms files store, both or neither. */

/** A location, or why there is none. */
export interface GpsReading {
  latitude: number | null;
  longitude: number | null;
  /** A problem a photographer should see (out-of-range coordinates), or null. */
  problem: string | null;
}

/** Degrees from a number, a [deg, min, sec] triple, or a "deg,min.mmm" / "deg min sec" string; null if unusable. */
export function toDegrees(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (Array.isArray(raw)) {
    const parts = raw.map(Number);
    if (parts.length === 0 || parts.some((n) => !Number.isFinite(n))) return null;
    const [d = 0, m = 0, s = 0] = parts;
    return d + m / 60 + s / 3600;
  }
  if (typeof raw === 'string') {
    const nums = raw.match(/-?\d+(?:\.\d+)?/g);
    if (!nums) return null;
    return toDegrees(nums.slice(0, 3).map(Number));
  }
  return null;
}

/** Reads the hemisphere letter of a Ref tag or of the end of an XMP GPS string ("43,28.04N"). */
export function hemisphere(raw: unknown): 'N' | 'S' | 'E' | 'W' | null {
  if (typeof raw !== 'string') return null;
  const m = /([NSEW])\s*\0*$/i.exec(raw.trim());
  return m?.[1] ? (m[1].toUpperCase() as 'N' | 'S' | 'E' | 'W') : null;
}

/** Applies the Ref's sign to an unsigned value: S and W are negative. */
export function signed(value: number, ref: unknown): number {
  const h = hemisphere(ref);
  return h === 'S' || h === 'W' ? -Math.abs(value) : value;
}

/** Validates a pair: both or neither, in range, and 0,0 (a phone's "no fix") counts as absent. */
export function gpsPair(lat: number | null, lon: number | null): GpsReading {
  if (lat === null || lon === null) return { latitude: null, longitude: null, problem: null };
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return {
      latitude: null,
      longitude: null,
      problem: `The GPS position in this file is impossible (latitude ${lat}, longitude ${lon}), so no location is used.`,
    };
  }
  if (lat === 0 && lon === 0) return { latitude: null, longitude: null, problem: null };
  return { latitude: lat, longitude: lon, problem: null };
}
