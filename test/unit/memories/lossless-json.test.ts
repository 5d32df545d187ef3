import { describe, expect, it } from 'vitest';
import { parseLossless, RawNumber } from '../../../main/memories/lossless-json';

describe('parseLossless', () => {
  it('keeps integers above 2^53 digit for digit (JSON.parse would round them)', () => {
    const text = '{"data":[{"id":568102998803353601},{"id":9007199254740993}]}';
    const v = parseLossless(text) as { data: { id: RawNumber }[] };
    expect(v.data.map((d) => d.id.text)).toEqual(['568102998803353601', '9007199254740993']);
    expect(String((JSON.parse(text) as { data: { id: number }[] }).data[1]?.id)).not.toBe('9007199254740993');
  });

  it('parses every JSON kind, strings with escapes included', () => {
    const v = parseLossless(' {"a":[true,false,null,-1.5e3,"x\\"y\\\\z\\u00e9"],"b":{}} ');
    expect(v).toEqual({ a: [true, false, null, new RawNumber('-1.5e3'), 'x"y\\zé'], b: {} });
  });

  it.each(['', '{', '{"a":1,}', '[1 2]', '01', '{"a":1} x', '<html>'])('rejects %j', (text) => {
    expect(() => parseLossless(text)).toThrow(SyntaxError);
  });
});
