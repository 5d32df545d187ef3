import { describe, expect, it } from 'vitest';
import { parseOffset } from '../../../../../renderer/src/features/inspector/bulk-tools';
import { parseLocation } from '../../../../../renderer/src/features/inspector/summarize';
import { isRealDateTime } from '../../../../../preload/contract';
import { validatePatch } from '../../../../../renderer/src/features/inspector/validate-patch';

describe('validatePatch (the API rules of memories-api.md)', () => {
  it('takes exactly yyyy-MM-dd HH:mm:ss and names the format otherwise', () => {
    expect(validatePatch({ datetime_taken: '2024-07-31 18:05:00' }).ok).toBe(true);
    for (const bad of ['2024-07-31T18:05:00', '2024-07-31 18:05', '2024-07-31 18:05:00.123', '31.07.2024 18:05:00']) {
      const result = validatePatch({ datetime_taken: bad });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain('yyyy-MM-dd HH:mm:ss');
    }
  });

  it('refuses times that are not on the calendar', () => {
    expect(validatePatch({ datetime_taken: '2023-02-29 10:00:00' }).ok).toBe(false);
    expect(validatePatch({ datetime_taken: '2024-02-29 10:00:00' }).ok).toBe(true);
    expect(isRealDateTime('2024-01-01 24:00:00')).toBe(false);
    expect(isRealDateTime('0000-00-00 00:00:00')).toBe(false);
  });

  it('limits camera model to 200 characters', () => {
    expect(validatePatch({ camera_model: 'x'.repeat(200) }).ok).toBe(true);
    const long = validatePatch({ camera_model: 'x'.repeat(201) });
    expect(!long.ok && long.message).toContain('200');
  });

  it('keeps latitude within -90..90 and longitude within -180..180', () => {
    expect(validatePatch({ location: { latitude: -90, longitude: 180 } }).ok).toBe(true);
    const lat = validatePatch({ location: { latitude: 90.5, longitude: 0 } });
    expect(!lat.ok && lat.message).toContain('-90 to 90');
    const lon = validatePatch({ location: { latitude: 0, longitude: -180.01 } });
    expect(!lon.ok && lon.message).toContain('-180 to 180');
  });

  it('allows at most 50 tags in one edit', () => {
    const tags = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(validatePatch({ addTags: tags.slice(0, 50) }).ok).toBe(true);
    const many = validatePatch({ addTags: tags });
    expect(!many.ok && many.message).toContain('50');
  });
});

describe('parseLocation and parseOffset', () => {
  it('reads "lat, lon" and refuses anything else', () => {
    expect(parseLocation('-33.865143, 151.2099')).toEqual({ latitude: -33.865143, longitude: 151.2099 });
    expect(parseLocation('')).toBeNull();
    expect(parseLocation('48.8')).toBeUndefined();
    expect(parseLocation('north, east')).toBeUndefined();
  });

  it('reads signed d/h/m/s offsets into seconds', () => {
    expect(parseOffset('+1h 30m')).toBe(5400);
    expect(parseOffset('-2h')).toBe(-7200);
    expect(parseOffset('1d2h')).toBe(93600);
    expect(parseOffset('90s')).toBe(90);
    expect(parseOffset('soon')).toBeNull();
  });
});
