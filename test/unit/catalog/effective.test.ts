import { describe, expect, it } from 'vitest';
import { effectiveFields, noEdits, sameFields } from '../../../main/catalog/effective';
import type { UploadFields } from '../../../preload/contract';

const file: UploadFields = {
  datetime_taken: '2008-05-30 15:56:01',
  camera_model: 'Canon EOS 40D',
  latitude: 10,
  longitude: 20,
  tags: ['a', 'b'],
};
const sources = { datetime_taken: 'EXIF DateTimeOriginal', camera_model: 'EXIF Make/Model', tags: 'IPTC Keywords' };

describe('effectiveFields', () => {
  it('is the file values with their sources when nothing is edited', () => {
    expect(effectiveFields(file, noEdits(), sources)).toEqual({ fields: file, sources, edited: {} });
  });

  it('takes edits, including edits to empty, and marks them "edited"', () => {
    const edits = noEdits();
    edits.datetime = { set: true, value: null };
    edits.gps = { set: true, latitude: -1, longitude: -2 };
    edits.tagsAdded = ['c', 'a'];
    edits.tagsRemoved = ['b'];
    const result = effectiveFields(file, edits, sources);
    expect(result.fields).toEqual({ ...file, datetime_taken: null, latitude: -1, longitude: -2, tags: ['a', 'c'] });
    expect(result.sources).toEqual({ ...sources, datetime_taken: 'edited', location: 'edited', tags: 'edited' });
    expect(result.edited).toEqual({ datetime_taken: true, location: true, tags: true });
  });

  it('compares fields ignoring tag order', () => {
    expect(sameFields(file, { ...file, tags: ['b', 'a'] })).toBe(true);
    expect(sameFields(file, { ...file, latitude: 10.000001 })).toBe(false);
    expect(sameFields(file, { ...file, tags: ['a'] })).toBe(false);
  });
});
