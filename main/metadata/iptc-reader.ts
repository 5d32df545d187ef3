/** IPTC IIM reader: finds IPTC blocks (Photoshop resources, TIFF tag, PNG text) and decodes them with their declared character set. */

/** The IPTC datasets Lightbox uses. */
export interface IptcData {
  keywords: string[];
  dateCreated: string | null;
  timeCreated: string | null;
  /** True when the block declared UTF-8 (CodedCharacterSet ESC % G). */
  utf8: boolean;
}

const IRB_IPTC = Buffer.from('8BIM\x04\x04', 'latin1');

/** IIM data from every Photoshop "8BIM" 0x0404 resource in the bytes (JPEG APP13, TIFF, PNG text). */
export function iptcFromPhotoshopResources(bytes: Uint8Array): Uint8Array[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks: Uint8Array[] = [];
  for (let at = buf.indexOf(IRB_IPTC); at >= 0; at = buf.indexOf(IRB_IPTC, at + 6)) {
    const nameLen = buf[at + 6] ?? 0;
    // Note: the resource name is a Pascal string padded so that length byte + name is even.
    const sizeAt = at + 6 + ((nameLen + 1) % 2 === 0 ? nameLen + 1 : nameLen + 2);
    if (sizeAt + 4 > buf.length) break;
    const size = buf.readUInt32BE(sizeAt);
    const start = sizeAt + 4;
    blocks.push(bytes.subarray(start, Math.min(start + size, bytes.length)));
  }
  return blocks;
}

/** Index of the first dataset marker (0x1C followed by record 1 or 2), or -1. */
function firstDataset(block: Uint8Array): number {
  for (let i = block.indexOf(0x1c); i >= 0; i = block.indexOf(0x1c, i + 1)) {
    if (block[i + 1] === 1 || block[i + 1] === 2) return i;
  }
  return -1;
}

/** Decodes the IIM datasets of one block. */
export function parseIim(block: Uint8Array): IptcData {
  const raw: { record: number; dataset: number; value: Uint8Array }[] = [];
  let at = firstDataset(block);
  while (at >= 0 && at + 5 <= block.length && block[at] === 0x1c) {
    const record = block[at + 1] ?? 0;
    const dataset = block[at + 2] ?? 0;
    let len = ((block[at + 3] ?? 0) << 8) | (block[at + 4] ?? 0);
    let start = at + 5;
    if (len & 0x8000) {
      // Extended dataset: the low bits give how many following bytes hold the length.
      const n = len & 0x7fff;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + (block[start + i] ?? 0);
      start += n;
    }
    raw.push({ record, dataset, value: block.subarray(start, Math.min(start + len, block.length)) });
    at = start + len;
  }
  const ccs = raw.find((d) => d.record === 1 && d.dataset === 90)?.value;
  const utf8 = !!ccs && Buffer.from(ccs).toString('latin1').includes('\x1b%G');
  // Note: without a declared character set, IPTC text is read as Latin-1 (Windows-1252), as exiftool does.
  const decoder = new TextDecoder(utf8 ? 'utf-8' : 'windows-1252');
  const text = (d: { value: Uint8Array }) => decoder.decode(d.value).replace(/\0+$/, '');
  const of = (dataset: number) => raw.filter((d) => d.record === 2 && d.dataset === dataset).map(text);
  return { keywords: of(25), dateCreated: of(55)[0] ?? null, timeCreated: of(60)[0] ?? null, utf8 };
}

/** Merges the IPTC blocks of a file: keywords of all blocks in order, the first date and time found. */
export function mergeIptc(blocks: Uint8Array[]): IptcData | null {
  if (blocks.length === 0) return null;
  const parsed = blocks.map(parseIim);
  return {
    keywords: parsed.flatMap((p) => p.keywords),
    dateCreated: parsed.find((p) => p.dateCreated)?.dateCreated ?? null,
    timeCreated: parsed.find((p) => p.timeCreated)?.timeCreated ?? null,
    utf8: parsed.some((p) => p.utf8),
  };
}
