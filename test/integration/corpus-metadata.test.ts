/** Every corpus file's upload fields equal the exiftool manifest (issue 3's 100 % target). */
import { describe, expect, it } from 'vitest';
import { readFileMetadata } from '../../main/metadata/read-file-metadata';
import {
  corpusPath,
  corpusSkipNote,
  expectedFields,
  fieldMismatches,
  hasCorpus,
  loadManifest,
} from '../helpers/corpus';

if (!hasCorpus) console.warn(corpusSkipNote);

describe.skipIf(!hasCorpus)('corpus metadata against manifest.json', () => {
  const manifest = hasCorpus ? loadManifest() : { files: [], rules: {} };

  it('reads capture time, camera, GPS and keywords of every file as the manifest says', async () => {
    const mismatches: string[] = [];
    for (const file of manifest.files) {
      const md = await readFileMetadata(corpusPath(file));
      mismatches.push(...fieldMismatches(file.path, md.fields, expectedFields(file)));
    }
    expect(manifest.files.length).toBeGreaterThan(100);
    expect(mismatches, `\n${mismatches.join('\n')}\n`).toEqual([]);
  });

  it('reads the stored pixel size and orientation (0 and other invalid values as none)', async () => {
    const mismatches: string[] = [];
    for (const file of manifest.files) {
      const md = await readFileMetadata(corpusPath(file));
      const orientation =
        file.orientation !== null && file.orientation >= 1 && file.orientation <= 8 ? file.orientation : null;
      const got = { width: md.width, height: md.height, orientation: md.orientation };
      const want = { width: file.width, height: file.height, orientation };
      if (JSON.stringify(got) !== JSON.stringify(want))
        mismatches.push(`${file.path}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
    }
    expect(mismatches, `\n${mismatches.join('\n')}\n`).toEqual([]);
  });

  it('takes its format from the bytes and refuses what the API cannot take, with a reason', async () => {
    const apiFormats: Record<string, string> = {
      JPEG: 'jpeg',
      PNG: 'png',
      GIF: 'gif',
      BMP: 'bmp',
      WEBP: 'webp',
      'Extended WEBP': 'webp',
    };
    const wrong: string[] = [];
    for (const file of manifest.files) {
      const md = await readFileMetadata(corpusPath(file));
      const fit = apiFormats[file.format] !== undefined && file.size <= 20 * 1024 * 1024 && file.decode_check.decodes;
      if (md.uploadable !== fit)
        wrong.push(`${file.path}: uploadable ${md.uploadable}, expected ${fit} (${md.problems.join(' | ')})`);
      if (!md.uploadable && md.problems.length === 0) wrong.push(`${file.path}: not uploadable but no problem given`);
      if (apiFormats[file.format] && md.format !== apiFormats[file.format])
        wrong.push(`${file.path}: format ${md.format}, manifest ${file.format}`);
      if (md.mime !== file.mime_type) wrong.push(`${file.path}: mime ${md.mime}, manifest ${file.mime_type}`);
    }
    expect(wrong, `\n${wrong.join('\n')}\n`).toEqual([]);
  });
});
