// The Cypher box runs read-only queries only. The stores already run them in read-only
// transactions (a write fails with E_QUERY_WRITE); this check refuses, before the store sees them,
// statements that write, read files or reach out (LOAD CSV, COPY, procedures such as apoc.* and
// dbms.*), so a query typed into a browser can neither change the graph nor touch the machine.
// Keywords are looked for outside string literals, quoted names and comments.
import { ReportGraphError } from '../errors.ts';

/** Clauses that change the graph or the database, or read and write files. */
const FORBIDDEN = /(?<![.$\w])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|ALTER|RENAME|GRANT|DENY|REVOKE|LOAD|COPY|INSTALL|ATTACH|EXPORT|IMPORT|USE|FOREACH|TERMINATE)(?!\w)/i;

/** Procedures that only read the schema; every other CALL is refused (apoc.*, dbms.*, db.create*, gds.*, user procedures). */
const READ_ONLY_PROCEDURES = new Set(['db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.schema.visualization', 'db.schema.nodetypeproperties', 'db.schema.reltypeproperties', 'show_tables', 'table_info', 'show_connection']);

export function stripLiteralsAndComments(cypher: string): string {
  return cypher
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|`[^`]*`?/g, ' ');
}

function refuse(detail: string): never {
  throw new ReportGraphError('E_QUERY_WRITE', `the viewer runs read-only queries only: ${detail}`);
}

/** Throws E_QUERY_WRITE for a statement the Cypher box must not run; returns the query unchanged otherwise. */
export function checkReadOnlyQuery(cypher: string): string {
  if (!cypher.trim()) throw new ReportGraphError('E_USAGE', 'the query is empty');
  const code = stripLiteralsAndComments(cypher);
  const bad = FORBIDDEN.exec(code);
  if (bad) refuse(`${bad[1]!.toUpperCase()} is not allowed here`);
  for (const m of code.matchAll(/\bCALL\b\s*(\{|[A-Za-z_][\w.]*)/gi)) {
    const proc = m[1]!;
    if (proc === '{') refuse('CALL { … } subqueries are not allowed here');
    if (!READ_ONLY_PROCEDURES.has(proc.toLowerCase())) refuse(`CALL ${proc} is not allowed here (only ${[...READ_ONLY_PROCEDURES].sort().join(', ')})`);
  }
  // Several statements in one request would let a second one slip past a check made on the first.
  if (/;\s*\S/.test(code)) refuse('one statement at a time');
  return cypher;
}
