// Reads a graph document's JSON from a file without holding its text as one string: a
// 100,000-report graph.json is longer than a JavaScript string may be, so JSON.parse of the whole
// file cannot work. The file is read in blocks; each element of the top-level "nodes" and "edges"
// arrays is cut out and given to JSON.parse alone; any other top-level value is parsed whole.
// Accepts any JSON layout (not only the one serializeGraph writes); rejects what JSON.parse would.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const BLOCK = 8 << 20;
const WS = new Set([' ', '\t', '\n', '\r']);

export class JsonReadError extends Error {}

class Reader {
  private text = '';
  private pos = 0;
  /** Characters before `text` (for positions in messages). */
  private base = 0;
  private eof = false;
  private readonly buf: Buffer;
  private readonly decoder = new StringDecoder('utf8');
  /** Text of a value being cut out across blocks. */
  private carry: string[] | undefined;
  private carryFrom = 0;
  private slashAt = -1;
  private slashText = '';

  constructor(private readonly fd: number, block: number) {
    this.buf = Buffer.allocUnsafe(block);
  }

  /** Makes text[pos] readable; false at the end of the file. */
  private fill(): boolean {
    while (this.pos >= this.text.length) {
      if (this.eof) return false;
      if (this.carry) {
        this.carry.push(this.text.slice(this.carryFrom));
        this.carryFrom = 0;
      }
      this.base += this.text.length;
      const n = readSync(this.fd, this.buf, 0, this.buf.length, null);
      if (n === 0) {
        this.eof = true;
        this.text = this.decoder.end();
      } else this.text = this.decoder.write(this.buf.subarray(0, n));
      this.pos = 0;
    }
    return true;
  }

  fail(message: string): never {
    throw new JsonReadError(`${message} at character ${this.base + this.pos}`);
  }

  peek(): string {
    if (!this.fill()) this.fail('unexpected end of the file');
    return this.text[this.pos]!;
  }

  skipSpace(): void {
    while (this.fill() && WS.has(this.text[this.pos]!)) this.pos++;
  }

  atEnd(): boolean {
    this.skipSpace();
    return !this.fill();
  }

  expect(ch: string): void {
    this.skipSpace();
    if (this.peek() !== ch) this.fail(`expected '${ch}', found '${this.peek()}'`);
    this.pos++;
  }

  /** The next value's text, whatever its type, found by bracket depth outside strings. */
  valueText(): string {
    this.skipSpace();
    this.carry = [];
    this.carryFrom = this.pos;
    let depth = 0;
    let started = false;
    for (;;) {
      if (!this.fill()) {
        if (depth === 0 && started) break; // a bare number or literal ending the file
        this.fail('unexpected end of the file');
      }
      const ch = this.text[this.pos]!;
      if (ch === '"') {
        this.skipString();
        started = true;
        if (depth === 0) break;
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        if (depth === 0) break; // the end of the enclosing container
        depth--;
        if (depth === 0) {
          this.pos++;
          break;
        }
      } else if (depth === 0 && (ch === ',' || WS.has(ch))) break;
      started = true;
      this.pos++;
    }
    const parts = this.carry;
    parts.push(this.text.slice(this.carryFrom, this.pos));
    this.carry = undefined;
    return parts.join('');
  }

  /** Moves past a string starting at pos (its quote), escapes included. */
  private skipString(): void {
    this.pos++;
    for (;;) {
      if (!this.fill()) this.fail('unterminated string');
      const quote = this.text.indexOf('"', this.pos);
      // The next backslash is remembered: searching for it from every string would scan to the
      // end of the block each time in a file with few escapes.
      if (this.slashAt < this.pos || this.slashText !== this.text) {
        this.slashText = this.text;
        this.slashAt = this.text.indexOf('\\', this.pos);
        if (this.slashAt === -1) this.slashAt = Infinity;
      }
      const slash = this.slashAt === Infinity ? -1 : this.slashAt;
      if (slash !== -1 && (quote === -1 || slash < quote)) {
        this.pos = slash + 1;
        if (!this.fill()) this.fail('unterminated string');
        this.pos++;
      } else if (quote !== -1) {
        this.pos = quote + 1;
        return;
      } else this.pos = this.text.length;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

const parse = (r: Reader, text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (err) {
    return r.fail((err as Error).message);
  }
};

/** As JSON.parse does: an own property even for "__proto__". */
const define = (o: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

/** The top-level object of a JSON file, its "nodes" and "edges" arrays read element by element. */
export function readGraphJson(file: string, blockBytes = BLOCK): unknown {
  const r = new Reader(openSync(file, 'r'), blockBytes);
  try {
    const out: Record<string, unknown> = {};
    r.expect('{');
    r.skipSpace();
    if (r.peek() === '}') r.expect('}');
    else {
      for (;;) {
        const key = parse(r, r.valueText());
        if (typeof key !== 'string') return r.fail('expected a key');
        r.expect(':');
        r.skipSpace();
        if ((key === 'nodes' || key === 'edges') && r.peek() === '[') {
          r.expect('[');
          const items: unknown[] = [];
          r.skipSpace();
          if (r.peek() === ']') r.expect(']');
          else {
            for (;;) {
              items.push(parse(r, r.valueText()));
              r.skipSpace();
              const ch = r.peek();
              r.expect(ch === ',' ? ',' : ']');
              if (ch !== ',') break;
            }
          }
          define(out, key, items);
        } else define(out, key, parse(r, r.valueText()));
        r.skipSpace();
        const ch = r.peek();
        r.expect(ch === ',' ? ',' : '}');
        if (ch !== ',') break;
      }
    }
    if (!r.atEnd()) r.fail('unexpected text after the document');
    return out;
  } finally {
    r.close();
  }
}
