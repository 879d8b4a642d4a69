// Bytes to text: byte-order marks, binary files with a text name, and text that is not UTF-8
// (Arabic pages saved as Windows-1256, Western ones as Windows-1252). Returns a reason instead
// of throwing, so one bad file never stops a run.

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; code: 'BINARY' | 'ENCODING'; message: string };

const MAGIC: { bytes: number[]; name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or an Office document)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'a RIFF media file' },
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

export function decodeBytes(buf: Uint8Array): Decoded {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return utf8(buf.subarray(3), 'utf-8 (BOM)');
  if (startsWith(buf, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };

  const magic = MAGIC.find((m) => startsWith(buf, m.bytes));
  if (magic) return { ok: false, code: 'BINARY', message: `binary content: this is ${magic.name}, not text` };

  const head = buf.subarray(0, 8192);
  let nul = 0;
  let control = 0;
  for (const b of head) {
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (nul > 0 || control > head.length * 0.05) {
    return { ok: false, code: 'BINARY', message: 'binary content: NUL or control bytes where text was expected' };
  }
  return utf8(buf, 'utf-8');
}

function utf8(buf: Uint8Array, label: string): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: label };
  } catch {
    // UTF-8 with a few stray bytes (a page cut mid-character, junk pasted in) stays UTF-8: read as
    // a legacy encoding, its every accented letter, quote and Arabic word would turn to mojibake.
    const { valid, invalid } = utf8Census(buf);
    if (valid > invalid) {
      return { ok: true, text: new TextDecoder('utf-8').decode(buf), encoding: `${label}, ${invalid} invalid byte${invalid === 1 ? '' : 's'} replaced` };
    }
    return legacy(buf);
  }
}

/** Well-formed multi-byte UTF-8 sequences, and high bytes that belong to none. */
function utf8Census(buf: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) ok = ((buf[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * Not UTF-8: a single-byte legacy encoding. Arabic letters in Windows-1256 sit mostly in
 * 0xC1–0xDA and 0xDC–0xED; when most high bytes fall there and form runs (words), read it as
 * Arabic, else as Western European.
 */
function legacy(buf: Uint8Array): Decoded {
  let high = 0;
  let arabicRange = 0;
  let runs = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number;
    if (b < 0x80) continue;
    high++;
    if ((b >= 0xc1 && b <= 0xda) || (b >= 0xdc && b <= 0xed)) {
      arabicRange++;
      const next = buf[i + 1];
      if (next !== undefined && next >= 0xc1 && next <= 0xed) runs++;
    }
  }
  const arabic = high > 0 && arabicRange / high > 0.7 && runs / high > 0.3;
  const encoding = arabic ? 'windows-1256' : 'windows-1252';
  try {
    return { ok: true, text: new TextDecoder(encoding).decode(buf), encoding };
  } catch (err) {
    return { ok: false, code: 'ENCODING', message: `not valid UTF-8 and not readable as ${encoding}: ${(err as Error).message}` };
  }
}
