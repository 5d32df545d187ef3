import { describe, expect, it } from 'vitest';
import { describeNonImage, sniffFormat } from '../../../main/metadata/sniff-format';

function bytes(...parts: (string | number[])[]): Uint8Array {
  return new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))),
  );
}

function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + compatible.length * 4;
  const head = Buffer.alloc(4);
  head.writeUInt32BE(size);
  return bytes([...head], `ftyp${major}\0\0\0\0${compatible.join('')}`, [0, 0, 0, 0]);
}

describe('sniffFormat', () => {
  it('tells formats by their magic numbers', () => {
    const cases: [Uint8Array, string, string | null][] = [
      [bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg', 'image/jpeg'],
      [bytes([0x89], 'PNG\r\n\x1a\n'), 'png', 'image/png'],
      [bytes('GIF89a', [0, 0]), 'gif', 'image/gif'],
      [bytes('BM', new Array(30).fill(0)), 'bmp', 'image/bmp'],
      [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp', 'image/webp'],
      [bytes('II', [42, 0, 8, 0, 0, 0]), 'tiff', 'image/tiff'],
      [bytes('MM', [0, 42, 0, 0, 0, 8]), 'tiff', 'image/tiff'],
      [bytes('II', [42, 0, 16, 0, 0, 0], 'CR', [2, 0]), 'raw', 'image/x-canon-cr2'],
      [bytes('IIRO', [8, 0, 0, 0]), 'raw', 'image/x-olympus-orf'],
      [bytes('FUJIFILMCCD-RAW 0201'), 'raw', 'image/x-fuji-raf'],
      [bytes([0, 0, 0, 12], 'jP  \r\n\x87\n'), 'jp2', 'image/jp2'],
      [ftyp('heic', 'mif1', 'heic'), 'heic', 'image/heic'],
      [ftyp('mif1', 'heic'), 'heic', 'image/heic'],
      [ftyp('avif', 'mif1', 'miaf'), 'avif', 'image/avif'],
      [ftyp('crx ', 'crx '), 'raw', 'image/x-canon-cr3'],
      [ftyp('isom', 'mp41'), 'unknown', null],
    ];
    for (const [b, format, mime] of cases) expect(sniffFormat(b), format).toMatchObject({ format, mime });
  });

  it('describes non-images plainly', () => {
    expect(describeNonImage(new Uint8Array())).toMatch(/empty/);
    expect(describeNonImage(bytes('x'))).toMatch(/only 1 byte/);
    expect(describeNonImage(bytes('<html><head></head><body>oops</body></html>'))).toMatch(/web page/);
    expect(describeNonImage(bytes('just some words in a text file, nothing more'))).toMatch(/text/);
    expect(describeNonImage(bytes(Array.from({ length: 64 }, (_, i) => i % 7)))).toMatch(/not a photo format/);
  });
});
