// The graph document as a sequence of text pieces whose concatenation is exactly serializeGraph's
// output. At 100,000 reports the document is well over a gigabyte of JSON, longer than one
// JavaScript string may be, so it is written (and can be hashed) one node or edge at a time.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { GraphDocument } from './schema.ts';

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep (strings never hold a raw newline). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

export function* graphChunks(doc: GraphDocument): Generator<string> {
  const record = doc as unknown as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  yield '{';
  for (const [i, key] of keys.entries()) {
    const value = record[key];
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[';
      for (let j = 0; j < value.length; j++) yield `${j === 0 ? '' : ','}\n    ${nested(value[j], 2)}`;
      yield '\n  ]';
    } else yield nested(value, 1);
  }
  yield keys.length > 0 ? '\n}\n' : '}\n';
}

/** Writes the document to a file, or to a stream such as stdout, without building it as one string. */
export async function writeGraph(doc: GraphDocument, out: string | NodeJS.WritableStream): Promise<void> {
  const stream: NodeJS.WritableStream = typeof out === 'string' ? createWriteStream(out) : out;
  let failed: unknown;
  const onError = (err: unknown) => (failed ??= err);
  stream.on('error', onError);
  try {
    let buf = '';
    const flush = async () => {
      if (failed) throw failed;
      if (!stream.write(buf)) await once(stream, 'drain');
      buf = '';
    };
    for (const piece of graphChunks(doc)) {
      buf += piece;
      if (buf.length >= 1 << 20) await flush();
    }
    if (buf) await flush();
    if (typeof out === 'string') {
      stream.end();
      await once(stream, 'finish');
    }
    if (failed) throw failed;
  } finally {
    stream.off('error', onError);
  }
}
