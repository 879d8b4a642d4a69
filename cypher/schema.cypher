// Neo4j schema for reportgraph, run by `kg load --store neo4j` before each load (IF NOT EXISTS
// makes it idempotent). Needs Neo4j 5 (full-text indexes over lists of strings).
//
// A uniqueness constraint on id per label: no duplicate nodes, and the index every MERGE and
// MATCH by id uses.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;

// Full-text search over names and aliases (every spelling the reports use):
//   CALL db.index.fulltext.queryNodes('reportgraph_names', 'deir ezzor') YIELD node, score
CREATE FULLTEXT INDEX reportgraph_names IF NOT EXISTS FOR (n:Actor|Place|Event|Source) ON EACH [n.name, n.aliases];

// Full-text search over the quoted sentences of claims:
//   CALL db.index.fulltext.queryRelationships('reportgraph_claim_text', 'chemical') YIELD relationship, score
CREATE FULLTEXT INDEX reportgraph_claim_text IF NOT EXISTS FOR ()-[r:ACCUSED|CONDEMNED|CALLED_ON|DENIED]-() ON EACH [r.text];

// Range indexes for the filters analysts use most: events by date, claims by date and source.
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX accused_date IF NOT EXISTS FOR ()-[r:ACCUSED]-() ON (r.date);
CREATE INDEX condemned_date IF NOT EXISTS FOR ()-[r:CONDEMNED]-() ON (r.date);
