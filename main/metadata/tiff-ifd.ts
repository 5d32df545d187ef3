/** Minimal TIFF IFD0 lookup: the raw bytes of one tag (used for the IPTC-NAA tag, which exifr decodes as Latin-1 only). */

const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};

/** Bytes of tag `tag` in IFD0 of TIFF data starting at `tiff[0]`; null when absent or out of bounds. */
export function ifd0TagBytes(tiff: Uint8Array, tag: number): Uint8Array | null {
  if (tiff.length < 8) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const le = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!le && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const ifd = view.getUint32(4, le);
  if (ifd + 2 > tiff.length) return null;
  const count = view.getUint16(ifd, le);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (view.getUint16(entry, le) !== tag) continue;
    const size = (TYPE_SIZES[view.getUint16(entry + 2, le)] ?? 1) * view.getUint32(entry + 4, le);
    const start = size <= 4 ? entry + 8 : view.getUint32(entry + 8, le);
    if (start + size > tiff.length) return null;
    return tiff.subarray(start, start + size);
  }
  return null;
}

const IFD_POINTERS = [0x8769, 0x8825, 0xa005]; // ExifIFD, GPS, Interop

/**
 * A copy of TIFF data in which directory entries with an invalid value type (0 or above 13) are
 * turned into harmless one-byte entries, so that one bad entry does not hide every other tag.
 */
export function repairTiffEntries(tiff: Uint8Array): Uint8Array {
  const copy = new Uint8Array(tiff);
  if (copy.length < 8) return copy;
  const view = new DataView(copy.buffer);
  const le = copy[0] === 0x49;
  const queue = [view.getUint32(4, le)];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const ifd = queue.shift() ?? 0;
    if (ifd === 0 || seen.has(ifd) || ifd + 2 > copy.length) continue;
    seen.add(ifd);
    const count = view.getUint16(ifd, le);
    for (let i = 0; i < count && ifd + 2 + (i + 1) * 12 <= copy.length; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = view.getUint16(entry, le);
      const type = view.getUint16(entry + 2, le);
      if (type === 0 || type > 13) {
        view.setUint16(entry + 2, 1, le);
        view.setUint32(entry + 4, 1, le);
      } else if (IFD_POINTERS.includes(tag)) {
        queue.push(view.getUint32(entry + 8, le));
      }
    }
    const next = ifd + 2 + count * 12;
    if (next + 4 <= copy.length && seen.size === 1) queue.push(view.getUint32(next, le));
  }
  return copy;
}
