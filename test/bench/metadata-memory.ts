/**
 * Peak memory of reading one file's metadata: the whole file in memory (before) against only its
 * metadata parts (after). Run: `npx tsx test/bench/metadata-memory.ts [file]` (default: the corpus's
 * 23 MB PNG). Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBytes, readFileMetadataInProcess } from '../../main/metadata/read-in-process';

const here = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(here), '../..');
const defaultFile = path.resolve(repoRoot, '../shared/corpus/edge/large_16bit_Kodak_PIXPRO_AZ521.png');

/** One measurement in a fresh process, so each starts from the same heap. */
async function child(mode: string, file: string): Promise<void> {
  // Warm up (load sharp, exifr) on a tiny read of the same file's kind, then measure.
  await readFileMetadataInProcess(here);
  const before = process.resourceUsage().maxRSS;
  const md =
    mode === 'whole'
      ? await readBytes(new Uint8Array(await readFile(file)), path.basename(file))
      : await readFileMetadataInProcess(file);
  const after = process.resourceUsage().maxRSS;
  console.log(
    JSON.stringify({
      mode,
      peakKiB: after,
      growthKiB: after - before,
      width: md.width,
      camera: md.fields.camera_model,
    }),
  );
}

function parent(file: string): void {
  console.log(`file: ${file}`);
  for (const mode of ['whole', 'bounded']) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--child', mode, file], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number | string>;
    const mib = (k: number | string | undefined) => (Number(k) / 1024).toFixed(1);
    console.log(
      `${mode.padEnd(8)} peak RSS ${mib(r.peakKiB)} MiB, growth while reading ${mib(r.growthKiB)} MiB (read ${r.width} px wide, camera ${r.camera})`,
    );
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1] ?? 'bounded', args[2] ?? defaultFile);
else parent(args[0] ?? defaultFile);
