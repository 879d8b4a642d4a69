// Neo4j load statements, read by src/store/neo4j-store.ts: one named statement per label and
// relationship type ("// name: <name>" opens each; the adapter finds them by name). Every write
// is batched: $rows is a list of a few thousand rows, sent in executeWrite (retried on transient
// errors). Values come only as parameters; labels and types are the fixed ones of the graph model.
//
// Idempotent: nodes MERGE on id, claim relationships (one per supporting sentence) on their
// evidence key (source@start-end), other relationships on their two ends. A row whose stored
// properties already equal row.props is left alone, so a second load of the same document writes
// nothing and reports nothing created or updated.

// ---- upsert: rows are {id, props} for nodes, {from, to, key, props} for relationships.
// props holds every non-null stored property (Neo4j does not store nulls), integers as Neo4j
// integers and Source.published as a Neo4j date. CONDEMNED, DENIED and MENTIONS end at nodes of
// several labels: the end node is looked up under each label (each lookup uses the id constraint).

// name: upsert-Actor
UNWIND $rows AS row
OPTIONAL MATCH (old:Actor {id: row.id})
WITH row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (n:Actor {id: row.id})
SET n = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-Place
UNWIND $rows AS row
OPTIONAL MATCH (old:Place {id: row.id})
WITH row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (n:Place {id: row.id})
SET n = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-Event
UNWIND $rows AS row
OPTIONAL MATCH (old:Event {id: row.id})
WITH row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (n:Event {id: row.id})
SET n = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-Source
UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.id})
WITH row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (n:Source {id: row.id})
SET n = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-ACCUSED
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:ACCUSED {key: row.key}]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:ACCUSED {key: row.key}]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-CONDEMNED
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
OPTIONAL MATCH (toActor:Actor {id: row.to})
OPTIONAL MATCH (toEvent:Event {id: row.to})
WITH row, a, coalesce(toActor, toEvent) AS b
OPTIONAL MATCH (a)-[old:CONDEMNED {key: row.key}]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:CONDEMNED {key: row.key}]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-CALLED_ON
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:CALLED_ON {key: row.key}]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:CALLED_ON {key: row.key}]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-DENIED
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
OPTIONAL MATCH (toActor:Actor {id: row.to})
OPTIONAL MATCH (toEvent:Event {id: row.to})
WITH row, a, coalesce(toActor, toEvent) AS b
OPTIONAL MATCH (a)-[old:DENIED {key: row.key}]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:DENIED {key: row.key}]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-OCCURRED_IN
UNWIND $rows AS row
MATCH (a:Event {id: row.from})
MATCH (b:Place {id: row.to})
OPTIONAL MATCH (a)-[old:OCCURRED_IN]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:OCCURRED_IN]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-PERPETRATED_BY
UNWIND $rows AS row
MATCH (a:Event {id: row.from})
MATCH (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:PERPETRATED_BY]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:PERPETRATED_BY]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-LOCATED_IN
UNWIND $rows AS row
MATCH (a:Place {id: row.from})
MATCH (b:Place {id: row.to})
OPTIONAL MATCH (a)-[old:LOCATED_IN]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:LOCATED_IN]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-PUBLISHED_BY
UNWIND $rows AS row
MATCH (a:Source {id: row.from})
MATCH (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:PUBLISHED_BY]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:PUBLISHED_BY]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-AFFILIATED_WITH
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
OPTIONAL MATCH (a)-[old:AFFILIATED_WITH]->(b)
WITH a, b, row, old
WHERE old IS NULL OR properties(old) <> row.props
MERGE (a)-[r:AFFILIATED_WITH]->(b)
SET r = row.props
RETURN count(*) - count(old) AS created, count(old) AS updated;

// name: upsert-MENTIONS
UNWIND $rows AS row
MATCH (a:Source {id: row.from})
OPTIONAL MATCH (toActor:Actor {id: row.to})
OPTIONAL MATCH (toPlace:Place {id: row.to})
OPTIONAL MATCH (toEvent:Event {id: row.to})
WITH row, a, coalesce(toActor, toPlace, toEvent) AS b
OPTIONAL MATCH (a)-[old:MENTIONS]->(b)
WITH a, b, old
WHERE old IS NULL
MERGE (a)-[:MENTIONS]->(b)
RETURN count(*) AS created, 0 AS updated;

// ---- delete: what the store holds and the loaded document no longer has ($ids, or $rows of
// {from, to, key}); a node goes with its relationships.

// name: delete-Actor
UNWIND $ids AS id
MATCH (n:Actor {id: id})
DETACH DELETE n
RETURN count(*) AS deleted;

// name: delete-Place
UNWIND $ids AS id
MATCH (n:Place {id: id})
DETACH DELETE n
RETURN count(*) AS deleted;

// name: delete-Event
UNWIND $ids AS id
MATCH (n:Event {id: id})
DETACH DELETE n
RETURN count(*) AS deleted;

// name: delete-Source
UNWIND $ids AS id
MATCH (n:Source {id: id})
DETACH DELETE n
RETURN count(*) AS deleted;

// name: delete-ACCUSED
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})-[r:ACCUSED]->(b)
WHERE b.id = row.to AND r.key = row.key
DELETE r
RETURN count(*) AS deleted;

// name: delete-CONDEMNED
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})-[r:CONDEMNED]->(b)
WHERE b.id = row.to AND r.key = row.key
DELETE r
RETURN count(*) AS deleted;

// name: delete-CALLED_ON
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})-[r:CALLED_ON]->(b)
WHERE b.id = row.to AND r.key = row.key
DELETE r
RETURN count(*) AS deleted;

// name: delete-DENIED
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})-[r:DENIED]->(b)
WHERE b.id = row.to AND r.key = row.key
DELETE r
RETURN count(*) AS deleted;

// name: delete-OCCURRED_IN
UNWIND $rows AS row
MATCH (a:Event {id: row.from})-[r:OCCURRED_IN]->(b)
WHERE b.id = row.to
DELETE r
RETURN count(*) AS deleted;

// name: delete-PERPETRATED_BY
UNWIND $rows AS row
MATCH (a:Event {id: row.from})-[r:PERPETRATED_BY]->(b)
WHERE b.id = row.to
DELETE r
RETURN count(*) AS deleted;

// name: delete-LOCATED_IN
UNWIND $rows AS row
MATCH (a:Place {id: row.from})-[r:LOCATED_IN]->(b)
WHERE b.id = row.to
DELETE r
RETURN count(*) AS deleted;

// name: delete-PUBLISHED_BY
UNWIND $rows AS row
MATCH (a:Source {id: row.from})-[r:PUBLISHED_BY]->(b)
WHERE b.id = row.to
DELETE r
RETURN count(*) AS deleted;

// name: delete-AFFILIATED_WITH
UNWIND $rows AS row
MATCH (a:Actor {id: row.from})-[r:AFFILIATED_WITH]->(b)
WHERE b.id = row.to
DELETE r
RETURN count(*) AS deleted;

// name: delete-MENTIONS
UNWIND $rows AS row
MATCH (a:Source {id: row.from})-[r:MENTIONS]->(b)
WHERE b.id = row.to
DELETE r
RETURN count(*) AS deleted;

// ---- ids and keys: what the store holds, to find what the document no longer has.

// name: ids-Actor
MATCH (n:Actor) RETURN n.id AS id;

// name: ids-Place
MATCH (n:Place) RETURN n.id AS id;

// name: ids-Event
MATCH (n:Event) RETURN n.id AS id;

// name: ids-Source
MATCH (n:Source) RETURN n.id AS id;

// name: keys-ACCUSED
MATCH (a:Actor)-[r:ACCUSED]->(b) RETURN a.id AS from, b.id AS to, r.key AS key;

// name: keys-CONDEMNED
MATCH (a:Actor)-[r:CONDEMNED]->(b) RETURN a.id AS from, b.id AS to, r.key AS key;

// name: keys-CALLED_ON
MATCH (a:Actor)-[r:CALLED_ON]->(b) RETURN a.id AS from, b.id AS to, r.key AS key;

// name: keys-DENIED
MATCH (a:Actor)-[r:DENIED]->(b) RETURN a.id AS from, b.id AS to, r.key AS key;

// name: keys-OCCURRED_IN
MATCH (a:Event)-[r:OCCURRED_IN]->(b) RETURN a.id AS from, b.id AS to, '' AS key;

// name: keys-PERPETRATED_BY
MATCH (a:Event)-[r:PERPETRATED_BY]->(b) RETURN a.id AS from, b.id AS to, '' AS key;

// name: keys-LOCATED_IN
MATCH (a:Place)-[r:LOCATED_IN]->(b) RETURN a.id AS from, b.id AS to, '' AS key;

// name: keys-PUBLISHED_BY
MATCH (a:Source)-[r:PUBLISHED_BY]->(b) RETURN a.id AS from, b.id AS to, '' AS key;

// name: keys-AFFILIATED_WITH
MATCH (a:Actor)-[r:AFFILIATED_WITH]->(b) RETURN a.id AS from, b.id AS to, '' AS key;

// name: keys-MENTIONS
MATCH (a:Source)-[r:MENTIONS]->(b) RETURN a.id AS from, b.id AS to, '' AS key;

// ---- read: the whole stored graph, for readGraph() (the same text runs on Kuzu).

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
