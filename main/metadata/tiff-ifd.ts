/** Minimal TIFF IFD0 lookup: the raw bytes of one tag (used for the IPTC-NAA tag, which exifr decodes as Latin-1 only). */

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

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
