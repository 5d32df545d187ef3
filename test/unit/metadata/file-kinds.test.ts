import { describe, expect, it } from 'vitest';
import { isCandidateImage, isSidecar } from '../../../main/metadata/file-kinds';

describe('file kinds', () => {
  it('considers image and RAW extensions in any case', () => {
    for (const name of [
      'a.jpg',
      'B.JPEG',
      'c.Png',
      'd.gif',
      'e.bmp',
      'f.webp',
      'g.HEIC',
      'h.heif',
      'i.avif',
      'j.tif',
      'k.TIFF',
      'l.jp2',
      'm.CR2',
      'n.cr3',
      'o.NEF',
      'p.arw',
      'q.raf',
      'r.orf',
      's.rw2',
      't.dng',
    ]) {
      expect(isCandidateImage(name), name).toBe(true);
    }
  });

  it('skips sidecars, documents and hidden files', () => {
    for (const name of ['a.xmp', 'b.txt', 'c.mov', 'noext', '.hidden.jpg', '._IMG_0001.JPG'])
      expect(isCandidateImage(name), name).toBe(false);
    expect(isSidecar('photo.jpg.xmp')).toBe(true);
    expect(isSidecar('photo.XMP')).toBe(true);
    expect(isSidecar('photo.jpg')).toBe(false);
  });
});
