/** Decoder messages (libvips through sharp) turned into one line of plain words, and problem lists without repeats. */

/** Known decoder complaints and what they mean for a photographer, first match wins. */
const KNOWN: readonly [RegExp, string][] = [
  [
    /premature end|truncated|unexpected end|end of file|ends early/i,
    'the image data ends early (the file is truncated)',
  ],
  [/contains no image|missing SOS|no image data/i, 'the file holds no picture data'],
  [
    /unsupported image format|not a known file format|is not in a known format/i,
    'its picture is in a format Lightbox cannot decode',
  ],
  [/corrupt|invalid|bad huffman|not a jpeg|marker/i, 'the picture data is damaged'],
];

/**
 * One short line of plain words for a decoder's error message. libvips repeats its complaints on
 * several lines prefixed with the loader's name ("VipsJpeg: …"); none of that reaches the person.
 */
export function plainDecoderReason(message: string): string {
  for (const [pattern, words] of KNOWN) if (pattern.test(message)) return words;
  // Note: an unknown message keeps its first meaningful line, without library prefixes.
  const line = message
    .split('\n')
    .map((l) => l.replace(/^(Input (buffer|file) (has corrupt header|is invalid)?:?\s*)?(Vips\w*:\s*)?/i, '').trim())
    .find((l) => l.length > 0);
  return (line ?? 'the picture could not be decoded').replace(/[.\s]+$/, '');
}

/** The problems in their order, each once. */
export function dedupeProblems(problems: readonly string[]): string[] {
  return [...new Set(problems.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0))];
}
