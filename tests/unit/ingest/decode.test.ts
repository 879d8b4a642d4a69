import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/ingest/decode.ts';

const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', new Uint8Array(Buffer.from('Deir Ezzor — دير الزور')), 'Deir Ezzor — دير الزور', 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Raqqa')]), 'Raqqa', 'utf-8 (BOM)'],
    ['UTF-16 LE with BOM', utf16le('Idlib إدلب'), 'Idlib إدلب', 'utf-16le'],
    // "حلب" (Aleppo) in Windows-1256: ح=0xCD ل=0xE1 ب=0xC8, repeated to look like real text.
    ['Windows-1256 Arabic', new Uint8Array([0xcd, 0xe1, 0xc8, 0x20, 0xcd, 0xe1, 0xc8, 0x20, 0xcd, 0xe1, 0xc8]), 'حلب حلب حلب', 'windows-1256'],
    ['Windows-1252', new Uint8Array([0x4d, 0xe9, 0x64, 0x65, 0x63, 0x69, 0x6e, 0x73]), 'Médecins', 'windows-1252'],
  ])('%s', (_name, bytes, text, encoding) => {
    const d = decodeBytes(bytes);
    expect(d).toEqual({ ok: true, text, encoding });
  });

  it('keeps UTF-8 with a few stray bytes as UTF-8, the stray bytes replaced, rather than mojibake', () => {
    const good = Buffer.from('Human Rights Watch said “the strike on دير الزور killed 9” — café');
    const d = decodeBytes(new Uint8Array([...good.subarray(0, 20), 0xff, ...good.subarray(20), 0xc3, 0x28]));
    expect(d).toEqual({ ok: true, text: 'Human Rights Watch s\ufffdaid “the strike on دير الزور killed 9” — café\ufffd(', encoding: 'utf-8, 2 invalid bytes replaced' });
  });

  it('still reads legacy text whose high bytes happen to hold a valid UTF-8 pair as legacy', () => {
    // "Ã©" in Windows-1252 is the UTF-8 pair C3 A9, beside four lone accented letters.
    const d = decodeBytes(new Uint8Array([...Buffer.from('caf'), 0xe9, 0x20, 0xe8, 0x20, 0xc3, 0xa9, 0x20, 0xe0, 0x20, 0xf4, 0x2e]));
    expect(d).toEqual({ ok: true, text: 'café è Ã© à ô.', encoding: 'windows-1252' });
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]],
    ['NUL bytes', [0x61, 0x00, 0x62, 0x00, 0x63]],
  ])('refuses %s as binary', (_name, bytes) => {
    const d = decodeBytes(new Uint8Array(bytes));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.code).toBe('BINARY');
  });
});
