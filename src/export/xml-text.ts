// Escaping for the XML formats (GEXF, GraphML): text and attribute values that survive any XML
// parser byte for byte, XML name tokens for GraphML ids, and a clear error for the few characters
// XML 1.0 cannot carry at all (control characters, lone surrogates), instead of corrupting them.
import { ReportGraphError } from '../errors.ts';

// Characters that are not allowed anywhere in an XML 1.0 document, not even as &#n; references.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkXmlChars(s: string, where: string): void {
  const bad = NOT_XML.exec(s);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ReportGraphError('E_EXPORT', `${where} contains U+${code}, which XML 1.0 cannot represent; remove it from the graph before exporting to XML`);
  }
}

/** Element content: `&`, `<`, `>` escaped, and CR kept (a parser would turn a raw CR into LF). */
export function xmlText(s: string, where: string): string {
  checkXmlChars(s, where);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** A double-quoted attribute value: also `"`, and tab, LF, CR as references (a parser would turn raw ones into spaces). */
export function xmlAttr(s: string, where: string): string {
  checkXmlChars(s, where);
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** XML 1.0 (fifth edition) NameChar, by code point. */
function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x3a || c === 0x5f || c === 0x2d || c === 0x2e || c === 0xb7 ||
    (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) || (c >= 0x200c && c <= 0x200d) || (c >= 0x203f && c <= 0x2040) ||
    (c >= 0x2070 && c <= 0x218f) || (c >= 0x2c00 && c <= 0x2fef) || (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd) || (c >= 0x10000 && c <= 0xeffff)
  );
}

function hex(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * An XML name token (GraphML's id type) for any string: unchanged when it already is one and holds
 * no `_x`; otherwise every character that is not a name character, and every `_`, written as
 * `_xHHHH_` (the escape .NET's XmlConvert uses). Distinct strings give distinct tokens.
 */
export function xmlNameToken(s: string): string {
  const chars = [...s];
  const plain = chars.length > 0 && chars.every((ch) => isNameChar(ch.codePointAt(0)!)) && !s.includes('_x');
  if (plain) return s;
  return chars.map((ch) => {
    const c = ch.codePointAt(0)!;
    return c === 0x5f || !isNameChar(c) ? `_x${hex(c)}_` : ch;
  }).join('') || '_x_';
}

/** The inverse of xmlNameToken, for readers of our GraphML. */
export function fromXmlNameToken(token: string): string {
  if (token === '_x_') return '';
  if (!token.includes('_x')) return token;
  return token.replace(/_x([0-9A-F]{4,6})_/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)));
}
