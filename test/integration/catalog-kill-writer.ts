/** Child process for the kill-safety test: writes scan batches forever, printing each committed batch number. */
import { openCatalog } from '../../main/catalog/catalog';
import { upsertScanBatch, type ScannedFile } from '../../main/catalog/scan-writes';
import type { FileMetadata } from '../../main/metadata/types';

const [file, sizeText] = process.argv.slice(2);
const batchSize = Number(sizeText ?? '300');
const catalog = openCatalog(file as string);
const folderId = catalog.addFolder('/kill').id;
const metadata: FileMetadata = {
  format: 'jpeg',
  mime: 'image/jpeg',
  width: 10,
  height: 10,
  orientation: 1,
  fields: {
    datetime_taken: '2020-01-01 00:00:00',
    camera_model: 'Kill Cam',
    latitude: 1,
    longitude: 2,
    tags: ['a', 'b', 'c'],
  },
  sources: {},
  offsetTimeOriginal: null,
  subSeconds: null,
  problems: [],
  uploadable: true,
};
for (let batch = 0; ; batch++) {
  const files: ScannedFile[] = Array.from({ length: batchSize }, (_, i) => ({
    path: `/kill/b${batch}/f${i}.jpg`,
    relPath: `b${batch}/f${i}.jpg`,
    name: `f${i}.jpg`,
    size: 1000 + i,
    mtimeMs: 1_600_000_000_000,
    contentHash: null,
    metadata,
  }));
  upsertScanBatch(catalog.db, folderId, files);
  process.stdout.write(`${batch}\n`);
}
