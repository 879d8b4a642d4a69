// Kuzu schema for the embedded store, read by src/store/kuzu-store.ts when it creates a store.
// Typed tables from the graph model (src/store/stored-model.ts derives the columns from the zod
// schemas; a test checks this file against it). Lists stay lists; an Event's evidence and a
// structural relationship's evidence are parallel lists, one item per sentence ('' where a
// sentence has no attributedTo or date); a claim relationship holds one sentence.
// `end` is a keyword in Kuzu's Cypher: write r.`end` (Neo4j accepts the backticks too).

CREATE NODE TABLE IF NOT EXISTS Actor(
  id STRING PRIMARY KEY,
  name STRING,
  kind STRING,
  aliases STRING[],
  sources STRING[],
  origin STRING
);

CREATE NODE TABLE IF NOT EXISTS Place(
  id STRING PRIMARY KEY,
  name STRING,
  kind STRING,
  aliases STRING[],
  lat DOUBLE,
  lon DOUBLE,
  sources STRING[]
);

CREATE NODE TABLE IF NOT EXISTS Event(
  id STRING PRIMARY KEY,
  name STRING,
  eventType STRING,
  date STRING,
  datePrecision STRING,
  killedMin INT64,
  killedMax INT64,
  injuredMin INT64,
  injuredMax INT64,
  status STRING,
  placeQualifier STRING,
  sources STRING[],
  evidenceSource STRING[],
  evidenceText STRING[],
  evidenceStart INT64[],
  evidenceEnd INT64[],
  evidenceRule STRING[],
  evidenceAttributedTo STRING[],
  evidenceDate STRING[]
);

CREATE NODE TABLE IF NOT EXISTS Source(
  id STRING PRIMARY KEY,
  name STRING,
  file STRING,
  title STRING,
  published DATE,
  outlet STRING,
  url STRING,
  sha256 STRING,
  text STRING
);

CREATE REL TABLE IF NOT EXISTS ACCUSED(
  FROM Actor TO Actor,
  key STRING,
  source STRING,
  text STRING,
  start INT64,
  `end` INT64,
  rule STRING,
  date STRING,
  evidenceDate STRING,
  attributedTo STRING
);

CREATE REL TABLE IF NOT EXISTS CONDEMNED(
  FROM Actor TO Actor,
  FROM Actor TO Event,
  key STRING,
  source STRING,
  text STRING,
  start INT64,
  `end` INT64,
  rule STRING,
  date STRING,
  evidenceDate STRING,
  attributedTo STRING
);

CREATE REL TABLE IF NOT EXISTS CALLED_ON(
  FROM Actor TO Actor,
  key STRING,
  source STRING,
  text STRING,
  start INT64,
  `end` INT64,
  rule STRING,
  date STRING,
  evidenceDate STRING,
  attributedTo STRING
);

CREATE REL TABLE IF NOT EXISTS DENIED(
  FROM Actor TO Actor,
  FROM Actor TO Event,
  key STRING,
  source STRING,
  text STRING,
  start INT64,
  `end` INT64,
  rule STRING,
  date STRING,
  evidenceDate STRING,
  attributedTo STRING
);

CREATE REL TABLE IF NOT EXISTS OCCURRED_IN(
  FROM Event TO Place,
  evidenceSource STRING[],
  evidenceText STRING[],
  evidenceStart INT64[],
  evidenceEnd INT64[],
  evidenceRule STRING[],
  evidenceAttributedTo STRING[],
  evidenceDate STRING[]
);

CREATE REL TABLE IF NOT EXISTS PERPETRATED_BY(
  FROM Event TO Actor,
  evidenceSource STRING[],
  evidenceText STRING[],
  evidenceStart INT64[],
  evidenceEnd INT64[],
  evidenceRule STRING[],
  evidenceAttributedTo STRING[],
  evidenceDate STRING[]
);

CREATE REL TABLE IF NOT EXISTS LOCATED_IN(
  FROM Place TO Place,
  evidenceSource STRING[],
  evidenceText STRING[],
  evidenceStart INT64[],
  evidenceEnd INT64[],
  evidenceRule STRING[],
  evidenceAttributedTo STRING[],
  evidenceDate STRING[]
);

CREATE REL TABLE IF NOT EXISTS PUBLISHED_BY(
  FROM Source TO Actor,
  evidenceSource STRING[],
  evidenceText STRING[],
  evidenceStart INT64[],
  evidenceEnd INT64[],
  evidenceRule STRING[],
  evidenceAttributedTo STRING[],
  evidenceDate STRING[]
);

CREATE REL TABLE IF NOT EXISTS AFFILIATED_WITH(
  FROM Actor TO Actor,
  evidenceSource STRING[],
  evidenceText STRING[],
  evidenceStart INT64[],
  evidenceEnd INT64[],
  evidenceRule STRING[],
  evidenceAttributedTo STRING[],
  evidenceDate STRING[]
);

CREATE REL TABLE IF NOT EXISTS MENTIONS(
  FROM Source TO Actor,
  FROM Source TO Place,
  FROM Source TO Event
);
