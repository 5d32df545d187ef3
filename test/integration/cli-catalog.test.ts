/** `lightbox import`, `edit` and `list --json` run as a real process against a catalog in a temp LIGHTBOX_HOME. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus';

let dir: string;
let home: string;
let photos: string;

interface Listed {
  path: string;
  state: string;
  remote_id: string | null;
  fields: {
    datetime_taken: string | null;
    camera_model: string | null;
    latitude: number | null;
    longitude: number | null;
    tags: string[];
  };
  problems: string[];
}

function lightbox(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/lightbox.mjs'), ...args], {
    cwd: dir,
    env: { ...process.env, LIGHTBOX_HOME: home },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function list(): Map<string, Listed> {
  const out = lightbox('list', '--json');
  expect(out.status, out.stderr).toBe(0);
  return new Map((JSON.parse(out.stdout) as Listed[]).map((p) => [path.basename(p.path), p]));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-cli-'));
  home = path.join(dir, 'home');
  photos = path.join(dir, 'photos');
  mkdirSync(path.join(photos, 'sub'), { recursive: true });
  for (const [name, model] of [
    ['one.jpg', 'One'],
    ['two.jpg', 'Two'],
    ['sub/three.jpg', 'Three'],
  ]) {
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#808080' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Lightbox', Model: model as string } })
      .toFile(path.join(photos, name as string));
  }
  writeFileSync(path.join(photos, 'empty.jpg'), '');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lightbox import / edit / list', () => {
  it('imports a folder recursively and lists every photo with state, remote id, fields and problems', () => {
    const out = lightbox('import', 'photos');
    expect(out.status, out.stderr).toBe(0);
    const photosListed = list();
    expect([...photosListed.keys()].sort()).toEqual(['empty.jpg', 'one.jpg', 'three.jpg', 'two.jpg']);
    const one = photosListed.get('one.jpg') as Listed;
    expect(Object.keys(one).sort()).toEqual([
      'changed_since_upload',
      'fields',
      'path',
      'problems',
      'remote_id',
      'state',
    ]);
    expect(one).toMatchObject({
      path: path.join(photos, 'one.jpg'),
      state: 'not-uploaded',
      remote_id: null,
      problems: [],
      changed_since_upload: false,
    });
    expect(one.fields.camera_model).toBe('Lightbox One');
    expect(photosListed.get('empty.jpg')?.problems.length).toBeGreaterThan(0);
  });

  it('refuses a path that is not a folder', () => {
    const out = lightbox('import', 'no-such-folder');
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/not a folder: no-such-folder/);
  });

  it('edits tags, time, camera and location of several photos', () => {
    const out = lightbox(
      'edit',
      'photos/one.jpg',
      path.join(photos, 'sub/three.jpg'),
      '--add-tag',
      'beach',
      '--add-tag',
      'sun, sea',
      '--datetime',
      '2019-07-14 09:30:00',
      '--camera',
      'Edited Cam',
      '--gps',
      '-33.8568,151.2153',
    );
    expect(out.status, out.stderr).toBe(0);
    const listed = list();
    for (const name of ['one.jpg', 'three.jpg']) {
      expect(listed.get(name)?.fields, name).toEqual({
        datetime_taken: '2019-07-14 09:30:00',
        camera_model: 'Edited Cam',
        latitude: -33.8568,
        longitude: 151.2153,
        tags: ['beach', 'sun, sea'],
      });
    }
    expect(listed.get('two.jpg')?.fields.tags).toEqual([]);
  });

  it('removes a tag, clears GPS, excludes and includes again', () => {
    expect(lightbox('edit', 'photos/one.jpg', '--remove-tag', 'beach', '--clear-gps', '--exclude').status).toBe(0);
    let one = list().get('one.jpg') as Listed;
    expect([one.state, one.fields.tags, one.fields.latitude, one.fields.longitude]).toEqual([
      'excluded',
      ['sun, sea'],
      null,
      null,
    ]);
    expect(lightbox('edit', 'photos/one.jpg', '--include').status).toBe(0);
    one = list().get('one.jpg') as Listed;
    expect(one.state).toBe('not-uploaded');
  });

  it('names unknown paths and refuses invalid values, changing nothing', () => {
    const unknown = lightbox('edit', 'photos/one.jpg', 'photos/nope.jpg', '--add-tag', 'x');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('photos/nope.jpg');
    const badTime = lightbox('edit', 'photos/two.jpg', '--datetime', '2019-7-14 9:30');
    expect(badTime.status).toBe(1);
    expect(badTime.stderr).toMatch(/2024-07-31 18:05:00/);
    const badGps = lightbox('edit', 'photos/two.jpg', '--gps', '91,0');
    expect(badGps.status).toBe(1);
    const both = lightbox('edit', 'photos/two.jpg', '--exclude', '--include');
    expect(both.status).toBe(1);
    const listed = list();
    expect(listed.get('one.jpg')?.fields.tags).toEqual(['sun, sea']);
    expect(listed.get('two.jpg')?.fields).toMatchObject({ datetime_taken: null, latitude: null, tags: [] });
    expect(listed.get('two.jpg')?.state).toBe('not-uploaded');
  });
});
