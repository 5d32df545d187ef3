import { describe, expect, it, vi } from 'vitest';
import { AppError, CHANNEL_NAMES } from '../../../preload/contract';
import { dispatch } from '../../../main/ipc/dispatch';
import type { Handlers } from '../../../main/ipc/handlers';

/** Handlers where every channel fails loudly unless a test overrides it. */
function handlers(overrides: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [
      name,
      () => {
        throw new Error(`unexpected call of ${name}`);
      },
    ]),
  ) as unknown as Handlers;
  return { ...all, ...overrides };
}

describe('dispatch', () => {
  it('refuses a channel that is not in the contract', async () => {
    const result = await dispatch(handlers({}), 'fs.readFile', {});
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Unknown channel: fs.readFile' } });
  });

  it('parses the request with the contract schema before the handler sees it', async () => {
    const get = vi.fn(() => {
      throw new AppError('not-found', 'No photo with id 7');
    });
    const bad = await dispatch(handlers({ 'photos.get': get }), 'photos.get', { id: 'seven' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('invalid-request');
    expect(get).not.toHaveBeenCalled();

    const extra = await dispatch(handlers({ 'photos.get': get }), 'photos.get', { id: 7, path: '/etc/passwd' });
    expect(!extra.ok && extra.error.code).toBe('invalid-request');
    expect(get).not.toHaveBeenCalled();
  });

  it('passes the parsed request (trimmed tags) and wraps the value', async () => {
    const update = vi.fn((request: { ids: number[]; patch: { addTags?: string[] } }) => ({
      updated: request.ids.length,
      problems: request.patch.addTags ?? [],
    }));
    const result = await dispatch(handlers({ 'photos.update': update }), 'photos.update', {
      ids: [1, 2],
      patch: { addTags: ['  beach  '] },
    });
    expect(result).toEqual({ ok: true, value: { updated: 2, problems: ['beach'] } });
  });

  it('turns an AppError into its code and message', async () => {
    const result = await dispatch(
      handlers({
        'folders.add': () => {
          throw new AppError('invalid-request', 'No folder at /nope');
        },
      }),
      'folders.add',
      { path: '/nope' },
    );
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'No folder at /nope' } });
  });

  it('hides the message of an unexpected exception behind a safe internal error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await dispatch(
      handlers({
        'tags.list': () => {
          throw new Error('SQLITE_CORRUPT at /home/me/secret/catalog.sqlite');
        },
      }),
      'tags.list',
      {},
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).not.toContain('/home/me');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('treats a missing request as an empty one and undefined values as null', async () => {
    const result = await dispatch(
      handlers({ 'folders.rescan': () => undefined, 'tags.list': () => [] }),
      'tags.list',
      undefined,
    );
    expect(result).toEqual({ ok: true, value: [] });
  });
});
