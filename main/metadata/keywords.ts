/** Keywords: the union of XMP dc:subject, IPTC Keywords and Lightroom hierarchical leaves. */

/** One list from a value that may be absent, a single string/number, or a list. */
export function asList(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items
    .map((v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : ''))
    .map((v) => v.replace(/\0+$/, '').trim())
    .filter((v) => v.length > 0);
}

/** The leaf of a Lightroom hierarchical keyword: the part after the last `|`. */
export function hierarchyLeaf(path: string): string {
  const parts = path.split('|');
  return (parts[parts.length - 1] ?? '').trim();
}

/** Union in order, exact-string de-duplication keeping the first occurrence. */
export function mergeKeywords(subject: string[], iptc: string[], hierarchical: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of [...subject, ...iptc, ...hierarchical.map(hierarchyLeaf)]) {
    if (k && !seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  }
  return out;
}

/** Names the sources that contributed keywords, e.g. "XMP dc:subject + IPTC Keywords". */
export function keywordSource(subject: string[], iptc: string[], hierarchical: string[]): string | null {
  const names: string[] = [];
  if (subject.length) names.push('XMP dc:subject');
  if (iptc.length) names.push('IPTC Keywords');
  if (hierarchical.length) names.push('XMP lr:hierarchicalSubject');
  return names.length ? names.join(' + ') : null;
}
