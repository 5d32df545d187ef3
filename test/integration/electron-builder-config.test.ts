// electron-builder.yml: the targets and asar unpacking the product needs, checked by electron-builder's own schema.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { REPO_ROOT } from '../helpers/electron-stub/built-bundles';

interface Platform {
  target: (string | { target: string })[];
  category?: string;
  icon?: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  mac: Platform;
  win: Platform;
  linux: Platform;
}

const config = YAML.parse(readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targets = (p: Platform) => p.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    const require = createRequire(path.join(REPO_ROOT, 'package.json'));
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (on: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: 1 }, new DebugLogger(false))).rejects.toThrow(
      /notAnOption/,
    );
  });

  it('names the app and ships the built bundles', () => {
    expect(config.productName).toBe('Lightbox');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.directories.output).toBe('dist');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('builds dmg, nsis, AppImage and deb', () => {
    expect(targets(config.mac)).toContain('dmg');
    expect(config.mac.category).toBe('public.app-category.photography');
    expect(targets(config.win)).toContain('nsis');
    expect(targets(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Graphics');
  });

  it('unpacks native code from asar and does not rebuild N-API modules', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        'node_modules/sharp/**',
        'node_modules/@img/**',
        'node_modules/@photostructure/sqlite/**',
      ]),
    );
    expect(config.npmRebuild).toBe(false);
  });

  it('points at icons that exist', () => {
    for (const p of [config.mac, config.win, config.linux]) {
      if (p.icon) expect(existsSync(path.join(REPO_ROOT, p.icon)), p.icon).toBe(true);
    }
  });
});
