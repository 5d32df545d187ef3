import { describe, expect, it } from 'vitest';
import type { UploadFields } from '../../../preload/contract';
import { fieldsKey, makeBatches, type SendItem } from '../../../main/sync/batches';

const base: UploadFields = {
  datetime_taken: '2024-01-01 00:00:00',
  camera_model: 'X',
  latitude: null,
  longitude: null,
  tags: ['a', 'b'],
};
const item = (id: number, fields: UploadFields = base, name = `p${id}.jpg`, size = 10): SendItem => ({
  id,
  path: `/p/${name}`,
  name,
  size,
  mime: 'image/jpeg',
  fields,
});

describe('makeBatches', () => {
  it('groups only identical field values (tag order aside) and splits at the cap', () => {
    const other = { ...base, camera_model: 'Y' };
    const reordered = { ...base, tags: ['b', 'a'] };
    const batches = makeBatches('u', [item(1), item(2, other), item(3, reordered), item(4), item(5)], 2);
    expect(batches.map((b) => b.items.map((i) => i.id))).toEqual([[1, 3], [4, 5], [2]]);
  });

  it('never puts two files of the same name in one request', () => {
    const batches = makeBatches('u', [item(1, base, 'a.jpg'), item(2, base, 'a.jpg'), item(3, base, 'b.jpg')], 10);
    expect(batches.map((b) => b.items.map((i) => i.id))).toEqual([[1, 3], [2]]);
  });

  it('keeps a request under the byte limit', () => {
    const big = 60 * 1024 * 1024;
    const batches = makeBatches('u', [item(1, base, 'a.jpg', big), item(2, base, 'b.jpg', big)], 10);
    expect(batches).toHaveLength(2);
  });

  it('keys differ by unique_id and by every field', () => {
    expect(fieldsKey('a', base)).not.toBe(fieldsKey('b', base));
    expect(fieldsKey('a', base)).not.toBe(fieldsKey('a', { ...base, latitude: 1, longitude: 2 }));
    expect(fieldsKey('a', base)).toBe(fieldsKey('a', { ...base, tags: ['b', 'a', 'a'] }));
  });
});
