import { describe, expect, it } from 'vitest';
import { cameraModel, cleanText, cutOnCodePoint } from '../../../main/metadata/camera';

describe('cameraModel', () => {
  it('joins Make and Model', () => {
    expect(cameraModel('Panasonic', 'DMC-FZ30')).toBe('Panasonic DMC-FZ30');
  });

  it('does not repeat the make when the model starts with it, in any case', () => {
    expect(cameraModel('Canon', 'Canon EOS 40D')).toBe('Canon EOS 40D');
    expect(cameraModel('SAMSUNG', 'samsung SM-G960F')).toBe('samsung SM-G960F');
  });

  it('removes nothing else', () => {
    expect(cameraModel('NIKON CORPORATION', 'NIKON D70')).toBe('NIKON CORPORATION NIKON D70');
  });

  it('trims padding and NULs, and uses one part when the other is empty', () => {
    expect(cameraModel('OLYMPUS IMAGING CORP.  \0\0', 'E-P3\0\0\0')).toBe('OLYMPUS IMAGING CORP. E-P3');
    expect(cameraModel('FLIR Systems AB', '')).toBe('FLIR Systems AB');
    expect(cameraModel('   ', '\0\0')).toBeNull();
    expect(cameraModel(undefined, 'Nokia 3110c')).toBe('Nokia 3110c');
    expect(cleanText('Make\0garbage')).toBe('Make');
  });

  it('cuts to 200 UTF-16 units without splitting an emoji', () => {
    const long = `${'a'.repeat(199)}📷 and more`;
    const cut = cameraModel('', long) ?? '';
    expect(cut).toBe('a'.repeat(199));
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cutOnCodePoint('ab📷', 3)).toBe('ab');
    expect(cutOnCodePoint('ab📷', 4)).toBe('ab📷');
    expect(cameraModel('x'.repeat(150), 'y'.repeat(150))?.length).toBe(200);
  });
});
