import { describe, expect, it } from 'vitest';
import { iptcFromPhotoshopResources, mergeIptc, parseIim } from '../../../main/metadata/iptc-reader';
import { iptcBlock, photoshopApp13 } from './fixtures';

describe('IPTC reader', () => {
  it('decodes UTF-8 when CodedCharacterSet is ESC % G', () => {
    const data = parseIim(
      iptcBlock(
        [
          [25, 'Fõplébániatemplom'],
          [25, '写真'],
        ],
        'utf8',
      ),
    );
    expect(data.utf8).toBe(true);
    expect(data.keywords).toEqual(['Fõplébániatemplom', '写真']);
  });

  it('decodes Latin-1 when no character set is declared', () => {
    const data = parseIim(
      iptcBlock(
        [
          [25, 'Fõplébániatemplom'],
          [55, '20081219'],
          [60, '090107+0100'],
        ],
        'latin1',
      ),
    );
    expect(data).toEqual({
      keywords: ['Fõplébániatemplom'],
      dateCreated: '20081219',
      timeCreated: '090107+0100',
      utf8: false,
    });
  });

  it('finds the IPTC resource inside Photoshop data and merges blocks', () => {
    const app13 = photoshopApp13(iptcBlock([[25, 'one']], 'latin1'));
    const blocks = iptcFromPhotoshopResources(new Uint8Array(app13));
    expect(blocks).toHaveLength(1);
    expect(mergeIptc(blocks)?.keywords).toEqual(['one']);
    expect(mergeIptc([])).toBeNull();
  });
});
