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

// Characters some parsers treat as line ends (XML 1.1 and xmldom turn NEL and LINE SEPARATOR into
// LF) or as controls: written as references, which no parser rewrites.
const AS_REFERENCE = /[\r\u007F-\u009F\u2028\u2029]/g;
const reference = (ch: string) => `&#${ch.charCodeAt(0)};`;

/** Element content: `&`, `<`, `>` escaped, and CR, C1 controls and Unicode line separators as references. */
export function xmlText(s: string, where: string): string {
  checkXmlChars(s, where);
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(AS_REFERENCE, reference);
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
    .replace(AS_REFERENCE, reference);
}

/**
 * Name characters every XML validator accepts: ASCII letters, digits, `.`, `-`, `:`. Non-ASCII
 * letters are name characters too, but validators disagree on which (libxml2 and Xerces use the
 * 1998 tables of XML 1.0 fourth edition, which lack e.g. U+06FF and everything past U+FFFF), so
 * they are escaped like the rest.
 */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x5f || c === 0x2d || c === 0x2e;
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
