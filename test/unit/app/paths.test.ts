import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogFile, resolveHome, thumbsDir } from '../../../main/app/paths';

describe('resolveHome', () => {
  it('uses LIGHTBOX_HOME, made absolute', () => {
    expect(resolveHome({ LIGHTBOX_HOME: 'rel/home' })).toBe(path.resolve('rel/home'));
    expect(resolveHome({ LIGHTBOX_HOME: '/abs/home' })).toBe('/abs/home');
  });

  it.skipIf(process.platform !== 'linux')(
    'falls back to the XDG config folder + Lightbox on Linux, as Electron userData does',
    () => {
      expect(resolveHome({ HOME: '/home/ann' })).toBe('/home/ann/.config/Lightbox');
      expect(resolveHome({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/Lightbox');
      expect(resolveHome({ HOME: '/home/ann', LIGHTBOX_HOME: '' })).toBe('/home/ann/.config/Lightbox');
    },
  );

  it('names the files inside home', () => {
    expect(catalogFile('/h')).toBe(path.join('/h', 'catalog.sqlite'));
    expect(thumbsDir('/h')).toBe(path.join('/h', 'thumbs'));
  });
});
