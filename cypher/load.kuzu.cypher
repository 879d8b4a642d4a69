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
// Upsert: the adapter reads what is stored (the read-* statements), compares row by row with the
// document, deletes what is gone (delete-*) or a changed relationship, and writes what is new or
// changed, all in one transaction: a small change row by row (create-*, set-*), a large one with
// COPY and, for changed nodes, a staging table (update-*). Loading the same document twice writes
// nothing the second time.

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

// ---- delete: $ids of nodes, or $rows of {from, to, key}; the same text runs on Neo4j.
// Kuzu cannot bind an empty list, so the adapter never sends one.

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

// ---- before a node goes: its relationships, out and in (Kuzu deletes no undirected pattern). Kuzu 0.11's DETACH DELETE leaves the
// relationships of a deleted node in count(r) (a Source's PUBLISHED_BY, an Event's
// PERPETRATED_BY: counts drifted up on every re-load), though no pattern returns them.

// name: detach-out-Actor
UNWIND $ids AS id
MATCH (n:Actor {id: id})-[r]->()
DELETE r
RETURN count(*) AS deleted;

// name: detach-in-Actor
UNWIND $ids AS id
MATCH (n:Actor {id: id})<-[r]-()
DELETE r
RETURN count(*) AS deleted;

// name: detach-out-Place
UNWIND $ids AS id
MATCH (n:Place {id: id})-[r]->()
DELETE r
RETURN count(*) AS deleted;

// name: detach-in-Place
UNWIND $ids AS id
MATCH (n:Place {id: id})<-[r]-()
DELETE r
RETURN count(*) AS deleted;

// name: detach-out-Event
UNWIND $ids AS id
MATCH (n:Event {id: id})-[r]->()
DELETE r
RETURN count(*) AS deleted;

// name: detach-in-Event
UNWIND $ids AS id
MATCH (n:Event {id: id})<-[r]-()
DELETE r
RETURN count(*) AS deleted;

// name: detach-out-Source
UNWIND $ids AS id
MATCH (n:Source {id: id})-[r]->()
DELETE r
RETURN count(*) AS deleted;

// name: detach-in-Source
UNWIND $ids AS id
MATCH (n:Source {id: id})<-[r]-()
DELETE r
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

// Changed nodes, updated in place from their staging table (see schema.kuzu.cypher).

// name: copy-ActorUpdate
COPY ActorUpdate FROM '{file}';

// name: update-Actor
MATCH (n:Actor), (u:ActorUpdate)
WHERE n.id = u.id
SET n.name = u.name, n.kind = u.kind, n.aliases = u.aliases, n.sources = u.sources, n.origin = u.origin
RETURN count(*) AS updated;

// name: clear-ActorUpdate
MATCH (u:ActorUpdate)
DELETE u;

// name: copy-PlaceUpdate
COPY PlaceUpdate FROM '{file}';

// name: update-Place
MATCH (n:Place), (u:PlaceUpdate)
WHERE n.id = u.id
SET n.name = u.name, n.kind = u.kind, n.aliases = u.aliases, n.lat = u.lat, n.lon = u.lon, n.sources = u.sources
RETURN count(*) AS updated;

// name: clear-PlaceUpdate
MATCH (u:PlaceUpdate)
DELETE u;

// name: copy-EventUpdate
COPY EventUpdate FROM '{file}';

// name: update-Event
MATCH (n:Event), (u:EventUpdate)
WHERE n.id = u.id
SET n.name = u.name, n.eventType = u.eventType, n.date = u.date, n.datePrecision = u.datePrecision, n.killedMin = u.killedMin, n.killedMax = u.killedMax, n.injuredMin = u.injuredMin, n.injuredMax = u.injuredMax, n.status = u.status, n.placeQualifier = u.placeQualifier, n.sources = u.sources, n.evidenceSource = u.evidenceSource, n.evidenceText = u.evidenceText, n.evidenceStart = u.evidenceStart, n.evidenceEnd = u.evidenceEnd, n.evidenceRule = u.evidenceRule, n.evidenceAttributedTo = u.evidenceAttributedTo, n.evidenceDate = u.evidenceDate
RETURN count(*) AS updated;

// name: clear-EventUpdate
MATCH (u:EventUpdate)
DELETE u;

// name: copy-SourceUpdate
COPY SourceUpdate FROM '{file}';

// name: update-Source
MATCH (n:Source), (u:SourceUpdate)
WHERE n.id = u.id
SET n.name = u.name, n.file = u.file, n.title = u.title, n.published = u.published, n.outlet = u.outlet, n.url = u.url, n.sha256 = u.sha256, n.text = u.text
RETURN count(*) AS updated;

// name: clear-SourceUpdate
MATCH (u:SourceUpdate)
DELETE u;

// ---- small changes: one row per statement, each column's value in $c_<column>. Kuzu writes a
// COPY into a table that already holds rows (and checkpoints the tables a change touches) by
// rewriting them whole, minutes at 10,000 reports for one changed report, so a small re-load
// creates and sets rows one by one instead. Kuzu stores an empty list parameter as null, so the
// adapter sends each list with one extra first item, which list_slice drops: [] stays [].

// name: create-Actor
CREATE (:Actor {
  id: $c_id,
  name: $c_name,
  kind: $c_kind,
  aliases: list_slice($c_aliases, 2, size($c_aliases) + 1),
  sources: list_slice($c_sources, 2, size($c_sources) + 1),
  origin: $c_origin
});

// name: set-Actor
MATCH (n:Actor {id: $c_id})
SET
  n.name = $c_name,
  n.kind = $c_kind,
  n.aliases = list_slice($c_aliases, 2, size($c_aliases) + 1),
  n.sources = list_slice($c_sources, 2, size($c_sources) + 1),
  n.origin = $c_origin
RETURN count(*) AS updated;

// name: create-Place
CREATE (:Place {
  id: $c_id,
  name: $c_name,
  kind: $c_kind,
  aliases: list_slice($c_aliases, 2, size($c_aliases) + 1),
  lat: $c_lat,
  lon: $c_lon,
  sources: list_slice($c_sources, 2, size($c_sources) + 1)
});

// name: set-Place
MATCH (n:Place {id: $c_id})
SET
  n.name = $c_name,
  n.kind = $c_kind,
  n.aliases = list_slice($c_aliases, 2, size($c_aliases) + 1),
  n.lat = $c_lat,
  n.lon = $c_lon,
  n.sources = list_slice($c_sources, 2, size($c_sources) + 1)
RETURN count(*) AS updated;

// name: create-Event
CREATE (:Event {
  id: $c_id,
  name: $c_name,
  eventType: $c_eventType,
  date: $c_date,
  datePrecision: $c_datePrecision,
  killedMin: $c_killedMin,
  killedMax: $c_killedMax,
  injuredMin: $c_injuredMin,
  injuredMax: $c_injuredMax,
  status: $c_status,
  placeQualifier: $c_placeQualifier,
  sources: list_slice($c_sources, 2, size($c_sources) + 1),
  evidenceSource: list_slice($c_evidenceSource, 2, size($c_evidenceSource) + 1),
  evidenceText: list_slice($c_evidenceText, 2, size($c_evidenceText) + 1),
  evidenceStart: list_slice($c_evidenceStart, 2, size($c_evidenceStart) + 1),
  evidenceEnd: list_slice($c_evidenceEnd, 2, size($c_evidenceEnd) + 1),
  evidenceRule: list_slice($c_evidenceRule, 2, size($c_evidenceRule) + 1),
  evidenceAttributedTo: list_slice($c_evidenceAttributedTo, 2, size($c_evidenceAttributedTo) + 1),
  evidenceDate: list_slice($c_evidenceDate, 2, size($c_evidenceDate) + 1)
});

// name: set-Event
MATCH (n:Event {id: $c_id})
SET
  n.name = $c_name,
  n.eventType = $c_eventType,
  n.date = $c_date,
  n.datePrecision = $c_datePrecision,
  n.killedMin = $c_killedMin,
  n.killedMax = $c_killedMax,
  n.injuredMin = $c_injuredMin,
  n.injuredMax = $c_injuredMax,
  n.status = $c_status,
  n.placeQualifier = $c_placeQualifier,
  n.sources = list_slice($c_sources, 2, size($c_sources) + 1),
  n.evidenceSource = list_slice($c_evidenceSource, 2, size($c_evidenceSource) + 1),
  n.evidenceText = list_slice($c_evidenceText, 2, size($c_evidenceText) + 1),
  n.evidenceStart = list_slice($c_evidenceStart, 2, size($c_evidenceStart) + 1),
  n.evidenceEnd = list_slice($c_evidenceEnd, 2, size($c_evidenceEnd) + 1),
  n.evidenceRule = list_slice($c_evidenceRule, 2, size($c_evidenceRule) + 1),
  n.evidenceAttributedTo = list_slice($c_evidenceAttributedTo, 2, size($c_evidenceAttributedTo) + 1),
  n.evidenceDate = list_slice($c_evidenceDate, 2, size($c_evidenceDate) + 1)
RETURN count(*) AS updated;

// name: create-Source
CREATE (:Source {
  id: $c_id,
  name: $c_name,
  file: $c_file,
  title: $c_title,
  published: CAST($c_published AS DATE),
  outlet: $c_outlet,
  url: $c_url,
  sha256: $c_sha256,
  text: $c_text
});

// name: set-Source
MATCH (n:Source {id: $c_id})
SET
  n.name = $c_name,
  n.file = $c_file,
  n.title = $c_title,
  n.published = CAST($c_published AS DATE),
  n.outlet = $c_outlet,
  n.url = $c_url,
  n.sha256 = $c_sha256,
  n.text = $c_text
RETURN count(*) AS updated;

// name: create-ACCUSED-Actor-Actor
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:ACCUSED {
  key: $c_key,
  source: $c_source,
  text: $c_text,
  start: $c_start,
  `end`: $c_end,
  rule: $c_rule,
  date: $c_date,
  evidenceDate: $c_evidenceDate,
  attributedTo: $c_attributedTo
}]->(b);

// name: create-CONDEMNED-Actor-Actor
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:CONDEMNED {
  key: $c_key,
  source: $c_source,
  text: $c_text,
  start: $c_start,
  `end`: $c_end,
  rule: $c_rule,
  date: $c_date,
  evidenceDate: $c_evidenceDate,
  attributedTo: $c_attributedTo
}]->(b);

// name: create-CONDEMNED-Actor-Event
MATCH (a:Actor {id: $from}), (b:Event {id: $to})
CREATE (a)-[:CONDEMNED {
  key: $c_key,
  source: $c_source,
  text: $c_text,
  start: $c_start,
  `end`: $c_end,
  rule: $c_rule,
  date: $c_date,
  evidenceDate: $c_evidenceDate,
  attributedTo: $c_attributedTo
}]->(b);

// name: create-CALLED_ON-Actor-Actor
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:CALLED_ON {
  key: $c_key,
  source: $c_source,
  text: $c_text,
  start: $c_start,
  `end`: $c_end,
  rule: $c_rule,
  date: $c_date,
  evidenceDate: $c_evidenceDate,
  attributedTo: $c_attributedTo
}]->(b);

// name: create-DENIED-Actor-Actor
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:DENIED {
  key: $c_key,
  source: $c_source,
  text: $c_text,
  start: $c_start,
  `end`: $c_end,
  rule: $c_rule,
  date: $c_date,
  evidenceDate: $c_evidenceDate,
  attributedTo: $c_attributedTo
}]->(b);

// name: create-DENIED-Actor-Event
MATCH (a:Actor {id: $from}), (b:Event {id: $to})
CREATE (a)-[:DENIED {
  key: $c_key,
  source: $c_source,
  text: $c_text,
  start: $c_start,
  `end`: $c_end,
  rule: $c_rule,
  date: $c_date,
  evidenceDate: $c_evidenceDate,
  attributedTo: $c_attributedTo
}]->(b);

// name: create-OCCURRED_IN-Event-Place
MATCH (a:Event {id: $from}), (b:Place {id: $to})
CREATE (a)-[:OCCURRED_IN {
  evidenceSource: list_slice($c_evidenceSource, 2, size($c_evidenceSource) + 1),
  evidenceText: list_slice($c_evidenceText, 2, size($c_evidenceText) + 1),
  evidenceStart: list_slice($c_evidenceStart, 2, size($c_evidenceStart) + 1),
  evidenceEnd: list_slice($c_evidenceEnd, 2, size($c_evidenceEnd) + 1),
  evidenceRule: list_slice($c_evidenceRule, 2, size($c_evidenceRule) + 1),
  evidenceAttributedTo: list_slice($c_evidenceAttributedTo, 2, size($c_evidenceAttributedTo) + 1),
  evidenceDate: list_slice($c_evidenceDate, 2, size($c_evidenceDate) + 1)
}]->(b);

// name: create-PERPETRATED_BY-Event-Actor
MATCH (a:Event {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:PERPETRATED_BY {
  evidenceSource: list_slice($c_evidenceSource, 2, size($c_evidenceSource) + 1),
  evidenceText: list_slice($c_evidenceText, 2, size($c_evidenceText) + 1),
  evidenceStart: list_slice($c_evidenceStart, 2, size($c_evidenceStart) + 1),
  evidenceEnd: list_slice($c_evidenceEnd, 2, size($c_evidenceEnd) + 1),
  evidenceRule: list_slice($c_evidenceRule, 2, size($c_evidenceRule) + 1),
  evidenceAttributedTo: list_slice($c_evidenceAttributedTo, 2, size($c_evidenceAttributedTo) + 1),
  evidenceDate: list_slice($c_evidenceDate, 2, size($c_evidenceDate) + 1)
}]->(b);

// name: create-LOCATED_IN-Place-Place
MATCH (a:Place {id: $from}), (b:Place {id: $to})
CREATE (a)-[:LOCATED_IN {
  evidenceSource: list_slice($c_evidenceSource, 2, size($c_evidenceSource) + 1),
  evidenceText: list_slice($c_evidenceText, 2, size($c_evidenceText) + 1),
  evidenceStart: list_slice($c_evidenceStart, 2, size($c_evidenceStart) + 1),
  evidenceEnd: list_slice($c_evidenceEnd, 2, size($c_evidenceEnd) + 1),
  evidenceRule: list_slice($c_evidenceRule, 2, size($c_evidenceRule) + 1),
  evidenceAttributedTo: list_slice($c_evidenceAttributedTo, 2, size($c_evidenceAttributedTo) + 1),
  evidenceDate: list_slice($c_evidenceDate, 2, size($c_evidenceDate) + 1)
}]->(b);

// name: create-PUBLISHED_BY-Source-Actor
MATCH (a:Source {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:PUBLISHED_BY {
  evidenceSource: list_slice($c_evidenceSource, 2, size($c_evidenceSource) + 1),
  evidenceText: list_slice($c_evidenceText, 2, size($c_evidenceText) + 1),
  evidenceStart: list_slice($c_evidenceStart, 2, size($c_evidenceStart) + 1),
  evidenceEnd: list_slice($c_evidenceEnd, 2, size($c_evidenceEnd) + 1),
  evidenceRule: list_slice($c_evidenceRule, 2, size($c_evidenceRule) + 1),
  evidenceAttributedTo: list_slice($c_evidenceAttributedTo, 2, size($c_evidenceAttributedTo) + 1),
  evidenceDate: list_slice($c_evidenceDate, 2, size($c_evidenceDate) + 1)
}]->(b);

// name: create-AFFILIATED_WITH-Actor-Actor
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:AFFILIATED_WITH {
  evidenceSource: list_slice($c_evidenceSource, 2, size($c_evidenceSource) + 1),
  evidenceText: list_slice($c_evidenceText, 2, size($c_evidenceText) + 1),
  evidenceStart: list_slice($c_evidenceStart, 2, size($c_evidenceStart) + 1),
  evidenceEnd: list_slice($c_evidenceEnd, 2, size($c_evidenceEnd) + 1),
  evidenceRule: list_slice($c_evidenceRule, 2, size($c_evidenceRule) + 1),
  evidenceAttributedTo: list_slice($c_evidenceAttributedTo, 2, size($c_evidenceAttributedTo) + 1),
  evidenceDate: list_slice($c_evidenceDate, 2, size($c_evidenceDate) + 1)
}]->(b);

// name: create-MENTIONS-Source-Actor
MATCH (a:Source {id: $from}), (b:Actor {id: $to})
CREATE (a)-[:MENTIONS]->(b);

// name: create-MENTIONS-Source-Place
MATCH (a:Source {id: $from}), (b:Place {id: $to})
CREATE (a)-[:MENTIONS]->(b);

// name: create-MENTIONS-Source-Event
MATCH (a:Source {id: $from}), (b:Event {id: $to})
CREATE (a)-[:MENTIONS]->(b);
