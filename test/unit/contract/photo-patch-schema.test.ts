import { describe, expect, it } from 'vitest';
import { photoPatchSchema } from '../../../preload/contract';

describe('photoPatchSchema (the trust boundary for every edit)', () => {
  it('takes a real wall-clock time in the API format', () => {
    expect(photoPatchSchema.safeParse({ datetime_taken: '2024-02-29 23:59:59' }).success).toBe(true);
  });

  it.each(['2020-13-01 00:00:00', '2023-02-29 12:00:00', '2024-01-01 24:00:00', '2024-01-01T10:00:00'])(
    'refuses %s',
    (value) => {
      expect(photoPatchSchema.safeParse({ datetime_taken: value }).success).toBe(false);
    },
  );

  it('refuses a location outside the globe and unknown keys', () => {
    expect(photoPatchSchema.safeParse({ location: { latitude: 91, longitude: 0 } }).success).toBe(false);
    expect(photoPatchSchema.safeParse({ location: { latitude: 0, longitude: -180.5 } }).success).toBe(false);
    expect(photoPatchSchema.safeParse({ path: '/etc/passwd' }).success).toBe(false);
  });

  it('refuses a camera model over 200 characters', () => {
    expect(photoPatchSchema.safeParse({ camera_model: 'x'.repeat(201) }).success).toBe(false);
    expect(photoPatchSchema.safeParse({ camera_model: 'x'.repeat(200) }).success).toBe(true);
  });
});
