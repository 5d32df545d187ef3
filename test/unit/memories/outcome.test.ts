import { describe, expect, it } from 'vitest';
import { capFromMessage, classifyResponse, fileNamedIn } from '../../../main/memories/outcome';

const env = (code: string, msg: string, data = 'null'): string =>
  `{"code":"${code}","msg":"${msg}","data":${data},"success":false,"failed":true}`;

describe('classifyResponse', () => {
  it('reads ids as exact strings, numbers or strings, one per file', () => {
    const text =
      '{"code":"0000","msg":"success","data":[{"id":568102998803353601,"imageName":"a"},{"id":"568102998803353603"}],"success":true,"failed":false}';
    expect(classifyResponse(200, text, ['a.jpg', 'b.jpg'])).toEqual({
      kind: 'ok',
      ids: ['568102998803353601', '568102998803353603'],
      duplicate: false,
    });
  });

  it('treats success without one id per file as maybe stored', () => {
    expect(classifyResponse(200, '{"code":"0000","msg":"ok","data":[{"id":1}]}', ['a', 'b'])).toMatchObject({
      kind: 'transient',
      mayBeStored: true,
    });
  });

  it.each([
    [200, env('0429', 'too many'), 'rate-limited'],
    [429, '', 'rate-limited'],
    [200, env('0401', 'bad key'), 'auth'],
    [401, 'Unauthorized', 'auth'],
    [200, env('9009', 'permission denied'), 'auth'],
    [200, env('0402', 'balance'), 'balance'],
    [200, env('0403', 'disabled'), 'disabled'],
    [200, env('0409', 'duplicate operation'), 'duplicate'],
    [503, '<html>busy</html>', 'transient'],
    [200, env('0003', 'network abnormal'), 'transient'],
    [200, env('0001', 'datetime_taken must be yyyy-MM-dd HH:mm:ss'), 'validation'],
    [400, env('0001', 'datetime_taken must be yyyy-MM-dd HH:mm:ss'), 'validation'],
    [200, env('7777', 'something new'), 'unknown'],
  ])('HTTP %d %s -> %s', (status, text, kind) => {
    expect(classifyResponse(status, text, ['a.jpg']).kind).toBe(kind);
  });

  it('counts 0409 with ids as done', () => {
    expect(classifyResponse(200, env('0409', 'dup', '[{"id":123456789012345678901}]'), ['a.jpg'])).toEqual({
      kind: 'ok',
      ids: ['123456789012345678901'],
      duplicate: true,
    });
  });

  it('reads the cap and the named file', () => {
    expect(
      classifyResponse(200, env('0001', 'too many files in one request: at most 7 files per request'), ['a', 'b']),
    ).toMatchObject({ kind: 'cap', cap: 7 });
    expect(classifyResponse(200, env('0001', 'file b 2.jpg: unsupported'), ['b.jpg', 'b 2.jpg'])).toMatchObject({
      kind: 'validation',
      file: 1,
    });
  });

  it('treats a 200 that is not the envelope as maybe stored, a 4xx page as not stored', () => {
    expect(classifyResponse(200, '<html>proxy</html>', ['a'])).toMatchObject({ kind: 'transient', mayBeStored: true });
    expect(classifyResponse(502, '<html>bad gateway</html>', ['a'])).toMatchObject({
      kind: 'transient',
      mayBeStored: false,
    });
  });
});

describe('message readers', () => {
  it('finds a cap only in a message about files', () => {
    expect(capFromMessage('Maximum 10 images per upload')).toBe(10);
    expect(capFromMessage('camera_model longer than 200 characters')).toBeNull();
  });
  it('prefers the longest file name found', () => {
    expect(fileNamedIn('file IMG_1.jpg.jpg is bad', ['IMG_1.jpg', 'IMG_1.jpg.jpg'])).toBe(1);
    expect(fileNamedIn('nothing here', ['a.jpg'])).toBeNull();
  });
});
