// Kuzu load statements, read by src/store/kuzu-store.ts: one named statement per label and per
// (relationship type, from label, to label) table pair ("// name: <name>" opens each).
//
// Kuzu's MERGE runs at hundreds of rows a second, so the embedded store bulk-loads with COPY FROM
// newline-delimited JSON files written to a temporary folder (Kuzu 0.11 reads JSON natively; JSON
// keeps lists, nulls and empty strings apart, which its CSV reader does not). COPY cannot take
// its path as a parameter, so the adapter puts the path of a file it wrote itself where {file}
// stands; nothing else is ever pasted into a statement. A relationship table that joins several
// label pairs (CONDEMNED, DENIED, MENTIONS) needs the pair named on each COPY.
//
// Only empty tables are ever copied into: a re-load that changes anything builds a new database
// beside the store with these same statements and swaps it in (src/store/kuzu-store.ts says why).
// The read-* statements give the stored rows back, to compare with a document when the digests
// of the last load are missing, and for readGraph.

// ---- copy: {file} is newline-delimited JSON, one object per row, keys named as the columns
// (relationships: from, to, then their properties).

// name: copy-Actor
COPY Actor FROM '{file}';

// name: copy-Place
COPY Place FROM '{file}';

// name: copy-Event
COPY Event FROM '{file}';

// name: copy-Source
COPY Source FROM '{file}';

// name: copy-ACCUSED-Actor-Actor
COPY ACCUSED FROM '{file}' (from='Actor', to='Actor');

// name: copy-CONDEMNED-Actor-Actor
COPY CONDEMNED FROM '{file}' (from='Actor', to='Actor');

// name: copy-CONDEMNED-Actor-Event
COPY CONDEMNED FROM '{file}' (from='Actor', to='Event');

// name: copy-CALLED_ON-Actor-Actor
COPY CALLED_ON FROM '{file}' (from='Actor', to='Actor');

// name: copy-DENIED-Actor-Actor
COPY DENIED FROM '{file}' (from='Actor', to='Actor');

// name: copy-DENIED-Actor-Event
COPY DENIED FROM '{file}' (from='Actor', to='Event');

// name: copy-OCCURRED_IN-Event-Place
COPY OCCURRED_IN FROM '{file}' (from='Event', to='Place');

// name: copy-PERPETRATED_BY-Event-Actor
COPY PERPETRATED_BY FROM '{file}' (from='Event', to='Actor');

// name: copy-LOCATED_IN-Place-Place
COPY LOCATED_IN FROM '{file}' (from='Place', to='Place');

// name: copy-PUBLISHED_BY-Source-Actor
COPY PUBLISHED_BY FROM '{file}' (from='Source', to='Actor');

// name: copy-AFFILIATED_WITH-Actor-Actor
COPY AFFILIATED_WITH FROM '{file}' (from='Actor', to='Actor');

// name: copy-MENTIONS-Source-Actor
COPY MENTIONS FROM '{file}' (from='Source', to='Actor');

// name: copy-MENTIONS-Source-Place
COPY MENTIONS FROM '{file}' (from='Source', to='Place');

// name: copy-MENTIONS-Source-Event
COPY MENTIONS FROM '{file}' (from='Source', to='Event');

// ---- read: the whole stored graph (the same text runs on Neo4j). Nodes and relationships come
// back with Kuzu's internal _id, _label, _src and _dst, which the adapter drops.

// name: read-Actor
MATCH (n:Actor) RETURN n;

// name: read-Place
MATCH (n:Place) RETURN n;

// name: read-Event
MATCH (n:Event) RETURN n;

// name: read-Source
MATCH (n:Source) RETURN n;

// name: read-ACCUSED
MATCH (a:Actor)-[r:ACCUSED]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-CONDEMNED
MATCH (a:Actor)-[r:CONDEMNED]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-CALLED_ON
MATCH (a:Actor)-[r:CALLED_ON]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-DENIED
MATCH (a:Actor)-[r:DENIED]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-OCCURRED_IN
MATCH (a:Event)-[r:OCCURRED_IN]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-PERPETRATED_BY
MATCH (a:Event)-[r:PERPETRATED_BY]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-LOCATED_IN
MATCH (a:Place)-[r:LOCATED_IN]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-PUBLISHED_BY
MATCH (a:Source)-[r:PUBLISHED_BY]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-AFFILIATED_WITH
MATCH (a:Actor)-[r:AFFILIATED_WITH]->(b) RETURN a.id AS from, b.id AS to, r;

// name: read-MENTIONS
MATCH (a:Source)-[r:MENTIONS]->(b) RETURN a.id AS from, b.id AS to, r;
