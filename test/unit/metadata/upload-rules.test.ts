import { describe, expect, it } from 'vitest';
import { extensionProblem, formatProblem, sizeProblem, uploadProblems } from '../../../main/metadata/upload-rules';

const noFields = { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] };

describe('upload rules', () => {
  it('accepts the five API formats with a matching extension, in any case', () => {
    for (const [format, name] of [
      ['jpeg', 'a.JPG'],
      ['jpeg', 'b.jpeg'],
      ['png', 'c.png'],
      ['gif', 'd.GIF'],
      ['bmp', 'e.bmp'],
      ['webp', 'f.webp'],
    ] as const) {
      expect(uploadProblems({ format, label: format, fileName: name, size: 1000, fields: noFields }), name).toEqual([]);
    }
  });

  it('refuses HEIC, TIFF, AVIF, JPEG 2000 and RAW with a reason', () => {
    expect(formatProblem('heic', 'HEIC')).toBe("HEIC photos can't be uploaded to memories.ai; convert to JPEG first.");
    expect(formatProblem('tiff', 'TIFF')).toMatch(/^TIFF photos can't/);
    expect(formatProblem('avif', 'AVIF')).toMatch(/^AVIF photos can't/);
    expect(formatProblem('jp2', 'JPEG 2000')).toMatch(/^JPEG 2000 photos can't/);
    expect(formatProblem('raw', 'Canon CR3 RAW')).toMatch(/^Canon CR3 RAW photos can't/);
  });

  it('asks for a rename when the extension does not fit the true format', () => {
    expect(extensionProblem('jpeg', 'IMG_1.HEIC')).toMatch(/really a JPEG.*\.jpg/);
    expect(extensionProblem('png', 'shot.jpg')).toMatch(/really a PNG/);
    expect(extensionProblem('jpeg', 'x.jpeg')).toBeNull();
  });

  it('allows exactly 20 MiB and refuses one byte more', () => {
    expect(sizeProblem(20 * 1024 * 1024)).toBeNull();
    expect(sizeProblem(20 * 1024 * 1024 + 1)).toMatch(/up to 20 MB/);
  });

  it('refuses more than 50 tags and keeps 50', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
    const fifty = uploadProblems({
      format: 'jpeg',
      label: 'JPEG',
      fileName: 'a.jpg',
      size: 1,
      fields: { ...noFields, tags: tags(50) },
    });
    const more = uploadProblems({
      format: 'jpeg',
      label: 'JPEG',
      fileName: 'a.jpg',
      size: 1,
      fields: { ...noFields, tags: tags(51) },
    });
    expect(fifty).toEqual([]);
    expect(more.join(' ')).toMatch(/51 tags/);
  });
});
