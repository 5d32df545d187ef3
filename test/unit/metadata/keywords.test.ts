import { describe, expect, it } from 'vitest';
import { asList, hierarchyLeaf, keywordSource, mergeKeywords } from '../../../main/metadata/keywords';

describe('keywords', () => {
  it('makes one keyword a list of one, never a list of letters, and numbers into text', () => {
    expect(asList('Woodworking')).toEqual(['Woodworking']);
    expect(asList(2012)).toEqual(['2012']);
    expect(asList(undefined)).toEqual([]);
  });

  it('keeps commas and semicolons inside a keyword', () => {
    expect(asList(['Autumn, tree, le'])).toEqual(['Autumn, tree, le']);
  });

  it('unions dc:subject, IPTC and hierarchy leaves in that order, removing exact duplicates only', () => {
    const merged = mergeKeywords(
      ['Politics', 'politics'],
      ['Politics', 'government'],
      ['Places|Europe|Turkey', 'Sports|BTCC', 'politics'],
    );
    expect(merged).toEqual(['Politics', 'politics', 'government', 'Turkey', 'BTCC']);
  });

  it('takes the leaf of a hierarchical keyword', () => {
    expect(hierarchyLeaf('Sports|Motor Sports|Circuit Racing')).toBe('Circuit Racing');
    expect(hierarchyLeaf('flat')).toBe('flat');
  });

  it('names the contributing sources', () => {
    expect(keywordSource(['a'], ['a'], [])).toBe('XMP dc:subject + IPTC Keywords');
    expect(keywordSource([], [], ['x|y'])).toBe('XMP lr:hierarchicalSubject');
    expect(keywordSource([], [], [])).toBeNull();
  });
});
