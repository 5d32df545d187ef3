import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../preload/contract';
import { withEnvOverrides } from '../../../main/settings/env-overrides';
import { createSettingsService, openFileSettingsStore } from '../../../main/settings/settings-service';

// Expected defaults come from the brief, not from the code.
const DEFAULTS = {
  apiBase: 'https://api.memories.ai',
  uniqueId: 'default',
  requestsPerSecond: 1,
  autoSync: false,
  sendTimeAsUtc: false,
  convertUnsupported: false,
  thumbSize: 320,
};

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'lightbox-settings-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const open = () => createSettingsService(openFileSettingsStore(home));
const onDisk = () => JSON.parse(readFileSync(path.join(home, 'settings.json'), 'utf8')) as Record<string, unknown>;

describe('settings over a conf file store', () => {
  it('starts with the defaults', () => {
    expect(open().get()).toEqual(DEFAULTS);
  });

  it('keeps a change across a re-open', () => {
    const changed = open().set({ uniqueId: 'studio-7', requestsPerSecond: 2.5, autoSync: true });
    expect(changed).toEqual({ ...DEFAULTS, uniqueId: 'studio-7', requestsPerSecond: 2.5, autoSync: true });
    expect(open().get()).toEqual(changed);
    expect(onDisk()).toMatchObject({ uniqueId: 'studio-7', requestsPerSecond: 2.5 });
  });

  it('refuses invalid values and changes nothing', () => {
    const settings = open();
    const bad: unknown[] = [
      { apiBase: 'ftp://example.com' },
      { apiBase: 'not a url' },
      { thumbSize: 5 },
      { thumbSize: 100.5 },
      { requestsPerSecond: 0 },
      { uniqueId: '   ' },
      { somethingElse: true },
    ];
    for (const patch of bad) {
      expect(() => settings.set(patch as never), JSON.stringify(patch)).toThrow(AppError);
    }
    expect(open().get()).toEqual(DEFAULTS);
  });

  it('starts over from the defaults when the file is damaged', () => {
    writeFileSync(path.join(home, 'settings.json'), '{ "uniqueId": ');
    expect(open().get()).toEqual(DEFAULTS);
    writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ thumbSize: 'huge' }));
    expect(open().get()).toEqual(DEFAULTS);
  });
});

describe('createSettingsService over any store', () => {
  it('ignores stored values the contract would refuse', () => {
    let stored: Record<string, unknown> = { thumbSize: 'big', apiBase: 'javascript:alert(1)', uniqueId: 'kept' };
    const store = {
      get store() {
        return stored;
      },
      set(values: object) {
        stored = { ...stored, ...values };
      },
    };
    expect(createSettingsService(store).get()).toEqual({ ...DEFAULTS, uniqueId: 'kept' });
  });
});

describe('withEnvOverrides', () => {
  it('shows the environment values without storing them', () => {
    const env = { MEMORIES_API_BASE: 'http://127.0.0.1:9999', MEMORIES_UNIQUE_ID: 'ci-run' };
    const settings = withEnvOverrides(open(), env);
    expect(settings.get()).toMatchObject({ apiBase: 'http://127.0.0.1:9999', uniqueId: 'ci-run' });
    settings.set({ thumbSize: 256 });
    expect(onDisk()).toMatchObject({ apiBase: DEFAULTS.apiBase, uniqueId: 'default', thumbSize: 256 });
    expect(withEnvOverrides(open(), {}).get().apiBase).toBe(DEFAULTS.apiBase);
  });
});
