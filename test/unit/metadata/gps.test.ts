import { describe, expect, it } from 'vitest';
import { gpsPair, hemisphere, signed, toDegrees } from '../../../main/metadata/gps';

describe('gps', () => {
  it('turns degrees, minutes and seconds into decimal degrees', () => {
    expect(toDegrees([43, 28, 2.814])).toBeCloseTo(43 + 28 / 60 + 2.814 / 3600, 10);
    expect(toDegrees([48, 53.32358])).toBeCloseTo(48 + 53.32358 / 60, 10);
    expect(toDegrees(12.5)).toBe(12.5);
    expect(toDegrees([48, 53, Number.NaN])).toBeNull();
  });

  it('reads XMP GPS strings with the hemisphere letter', () => {
    expect(toDegrees('43,28.0469N')).toBeCloseTo(43 + 28.0469 / 60, 10);
    expect(hemisphere('122,20.24W')).toBe('W');
    expect(signed(toDegrees('33,51,54.5S') ?? 0, '33,51,54.5S')).toBeCloseTo(-(33 + 51 / 60 + 54.5 / 3600), 10);
  });

  it('signs values from the Ref tags: S and W are negative', () => {
    expect(signed(33.86, 'S')).toBe(-33.86);
    expect(signed(151.2, 'W')).toBe(-151.2);
    expect(signed(151.2, 'E')).toBe(151.2);
    expect(signed(51.5, 'N\0')).toBe(51.5);
  });

  it('keeps both or neither, drops exactly 0,0, and reports out-of-range positions', () => {
    expect(gpsPair(10, null)).toEqual({ latitude: null, longitude: null, problem: null });
    expect(gpsPair(0, 0)).toEqual({ latitude: null, longitude: null, problem: null });
    expect(gpsPair(0, 12)).toEqual({ latitude: 0, longitude: 12, problem: null });
    const bad = gpsPair(95, 10);
    expect(bad.latitude).toBeNull();
    expect(bad.problem).toMatch(/impossible/);
    expect(gpsPair(10, -181).problem).toMatch(/impossible/);
  });
});
