/** A small JSON parser that keeps every number as its exact source text (ids above 2^53). */

/** A JSON number kept as the digits the server wrote. */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** A parsed JSON value in which numbers are RawNumber. */
export type LosslessValue = null | boolean | string | RawNumber | LosslessValue[] | { [key: string]: LosslessValue };

/** Parses JSON text; throws SyntaxError on invalid input. */
export function parseLossless(text: string): LosslessValue {
  const p = new Parser(text);
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i !== text.length) p.fail('trailing characters');
  return v;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  fail(why: string): never {
    throw new SyntaxError(`Invalid JSON at ${this.i}: ${why}`);
  }

  ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i] as string)) this.i++;
  }

  value(): LosslessValue {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail('unexpected character');
    this.i += m[0].length;
    return new RawNumber(m[0]);
  }

  object(): { [key: string]: LosslessValue } {
    const out: { [key: string]: LosslessValue } = {};
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') return (this.i++, out);
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('expected a key');
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.fail('expected ":"');
      this.ws();
      out[key] = this.value();
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.fail('expected "," or "}"');
    }
  }

  array(): LosslessValue[] {
    const out: LosslessValue[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') return (this.i++, out);
    for (;;) {
      this.ws();
      out.push(this.value());
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail('expected "," or "]"');
    }
  }

  string(): string {
    // Note: find the closing quote by skipping escapes, then let JSON.parse decode the string itself.
    const start = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return JSON.parse(this.s.slice(start, this.i)) as string;
      } else this.i++;
    }
    return this.fail('unterminated string');
  }
}
