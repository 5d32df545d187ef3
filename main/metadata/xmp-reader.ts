/** A small, tolerant XMP reader: finds packets anywhere in a file and reads the few properties we need. */

/** Namespace URIs of the properties Lightbox reads, with the prefix writers usually give them. */
export const XMP_NS = {
  xmp: { uri: 'http://ns.adobe.com/xap/1.0/', prefix: 'xmp' },
  exif: { uri: 'http://ns.adobe.com/exif/1.0/', prefix: 'exif' },
  tiff: { uri: 'http://ns.adobe.com/tiff/1.0/', prefix: 'tiff' },
  dc: { uri: 'http://purl.org/dc/elements/1.1/', prefix: 'dc' },
  lr: { uri: 'http://ns.adobe.com/lightroom/1.0/', prefix: 'lr' },
} as const;

/** Which namespace a property lives in. */
export type XmpNamespace = keyof typeof XMP_NS;

const OPENERS = [
  ['<x:xmpmeta', '</x:xmpmeta>'],
  ['<x:xapmeta', '</x:xapmeta>'],
  ['<rdf:RDF', '</rdf:RDF>'],
] as const;

/** Every XMP packet in the bytes (APP1, iTXt, WebP/GIF/HEIC/TIFF boxes alike), as text. */
export function findXmpPackets(bytes: Uint8Array): string[] {
  // Note: XMP is UTF-8 text wherever it is stored, so scanning the bytes finds it in every
  // container, including packets far into the file and in formats no parser here knows.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packets: string[] = [];
  let from = 0;
  for (;;) {
    const starts = OPENERS.map(([open, close]) => [buf.indexOf(open, from), close] as const).filter(([i]) => i >= 0);
    if (starts.length === 0) break;
    const [start, close] = starts.reduce((a, b) => (b[0] < a[0] ? b : a));
    let end = buf.indexOf(close, start);
    let endLen = close.length;
    if (end < 0) {
      end = buf.indexOf('</rdf:RDF>', start);
      endLen = '</rdf:RDF>'.length;
    }
    if (end < 0) break;
    packets.push(buf.toString('utf8', start, end + endLen));
    from = end + endLen;
  }
  return packets;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML character and entity references. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITY[ref.toLowerCase()] ?? whole;
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The prefixes a packet binds to a namespace URI, plus the usual prefix (for packets that never declare it). */
function prefixesFor(packet: string, ns: XmpNamespace): string[] {
  const { uri, prefix } = XMP_NS[ns];
  const found = new Set<string>([prefix]);
  const decl = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${escapeRe(uri)}["']`, 'g');
  for (const m of packet.matchAll(decl)) if (m[1]) found.add(m[1]);
  if (ns === 'xmp') found.add('xap');
  return [...found];
}

/** Raw values of a property in all packets: attribute values, element text, or each rdf:li of a Bag/Seq/Alt. */
export function xmpValues(packets: string[], ns: XmpNamespace, name: string): string[] {
  const out: string[] = [];
  for (const packet of packets) {
    for (const p of prefixesFor(packet, ns)) {
      const qn = `${escapeRe(p)}:${escapeRe(name)}`;
      for (const m of packet.matchAll(new RegExp(`\\s${qn}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) {
        out.push(decodeXmlText(m[1] ?? m[2] ?? ''));
      }
      for (const m of packet.matchAll(new RegExp(`<${qn}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${qn}\\s*>)`, 'g'))) {
        out.push(...elementValues(m[1] ?? ''));
      }
    }
  }
  return out;
}

function elementValues(inner: string): string[] {
  if (!/<rdf:li\b/.test(inner)) {
    const text = inner.replace(/<[^>]*>/g, '').trim();
    return text ? [decodeXmlText(text)] : [];
  }
  const items: string[] = [];
  for (const m of inner.matchAll(/<rdf:li\b[^>]*?(?:\/>|>([\s\S]*?)<\/rdf:li\s*>)/g)) {
    items.push(decodeXmlText((m[1] ?? '').replace(/<[^>]*>/g, '')));
  }
  return items;
}

/** The first non-empty value of a property, or null. */
export function xmpFirst(packets: string[], ns: XmpNamespace, name: string): string | null {
  return xmpValues(packets, ns, name).find((v) => v.trim() !== '') ?? null;
}
