// The store errors a user meets, each saying what happened and what to do. Adapters map their
// driver's errors onto these; the CLI prints the message and the code.
import { ReportGraphError } from '../errors.ts';
import type { StoreKind } from './types.ts';

const DIALECT_HINT: Record<StoreKind, string> = {
  embedded: "the embedded store speaks Kuzu's Cypher (see cypher/README.md for how it differs from Neo4j's)",
  neo4j: "see Neo4j's Cypher manual",
};

export function querySyntaxError(kind: StoreKind, detail: string, cause?: unknown): ReportGraphError {
  return new ReportGraphError('E_QUERY_SYNTAX', `the query is not valid Cypher for this store: ${detail}\n  (${DIALECT_HINT[kind]})`, { cause });
}

export function queryWriteError(kind: StoreKind, detail?: string, cause?: unknown): ReportGraphError {
  const what = detail ? `${detail}; ` : '';
  return new ReportGraphError(
    'E_QUERY_WRITE',
    `queries are read-only: ${what}to change the ${kind} store, load a graph document with \`kg load\` (or pass --write to kg query if you mean it)`,
    { cause },
  );
}

export function queryFailedError(detail: string, cause?: unknown): ReportGraphError {
  return new ReportGraphError('E_QUERY_FAILED', `the query failed: ${detail}`, { cause });
}

export function storeLockedError(dbDir: string, cause?: unknown): ReportGraphError {
  return new ReportGraphError(
    'E_STORE_LOCKED',
    `the embedded store in ${dbDir} is in use by another process (a kg load, build, query or serve still running?). Kuzu allows one writing process, or several reading ones, at a time: wait for it to finish or stop it, then try again`,
    { cause },
  );
}

export function storeVersionError(dbDir: string, detail: string, cause?: unknown): ReportGraphError {
  return new ReportGraphError(
    'E_STORE_VERSION',
    `the embedded store in ${dbDir} ${detail}. Rebuild it from your graph document: \`kg load --rebuild [graph.json]\` (or \`kg build --rebuild <reports>\`), which deletes ${dbDir} first`,
    { cause },
  );
}

export function storeMissingError(dbDir: string): ReportGraphError {
  return new ReportGraphError(
    'E_STORE_DATABASE',
    `there is no embedded store in ${dbDir}: build one with \`kg build <reports...>\` or \`kg load <graph.json>\` (or point --home / REPORTGRAPH_HOME at the folder that holds it)`,
  );
}
