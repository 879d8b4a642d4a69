// Asks for a secret on the terminal without echoing it: the Neo4j password when neither
// NEO4J_PASSWORD nor --neo4j-password gives one, so it never has to sit in a shell history.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export async function promptSecret(question: string): Promise<string> {
  process.stderr.write(question);
  // Typed characters go to a stream that drops them.
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
