// Asks for a secret on the terminal without echoing it: the Neo4j password when neither
// NEO4J_PASSWORD nor --neo4j-password gives one, so it never has to sit in a shell history.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ReportGraphError } from '../errors.ts';

export async function promptSecret(question: string, what = 'a password'): Promise<string> {
  // Typed characters go to a stream that drops them. The interface puts the terminal in raw mode
  // (no echo) before the question shows, so nothing typed ahead of it is echoed either.
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  process.stderr.write(question);
  try {
    return await new Promise<string>((resolve, reject) => {
      // In raw mode Ctrl-C and Ctrl-D arrive as keys: end the prompt instead of hanging on it.
      const refuse = () => reject(new ReportGraphError('E_USAGE', `no ${what} given`));
      rl.on('SIGINT', refuse);
      rl.on('close', refuse);
      rl.question('', resolve);
    });
  } finally {
    rl.removeAllListeners('close');
    rl.close();
    process.stderr.write('\n');
  }
}
