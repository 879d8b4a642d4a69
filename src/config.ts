// Where reportgraph keeps its files: the folder named by --home, else REPORTGRAPH_HOME, else
// `.reportgraph/` in the working directory. Every command that touches a store or a cache uses it.
import path from 'node:path';

export function resolveHome(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.REPORTGRAPH_HOME ?? '.reportgraph');
}

/** Files and folders inside the home. */
export function homePaths(home: string) {
  return {
    home,
    graph: path.join(home, 'graph.json'),
    embeddedDb: path.join(home, 'db'),
    cache: path.join(home, 'cache'),
  };
}
