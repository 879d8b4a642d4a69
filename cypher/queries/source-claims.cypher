// Everything one source claims, sentence by sentence in the order of its text: its claims
// (accused, condemned, called on, denied), the relationships its sentences support (who
// perpetrated an event, where it happened, ...), and the events it reports.
//
// Neo4j variant; the embedded store runs source-claims.kuzu.cypher (Kuzu has no CALL {} to sort
// a union, names types with label(), and counts list positions from 1).
//
// @param source required the Source id, e.g. source:55f29b8eb95bc34d
CALL {
  MATCH (a:Actor)-[r:ACCUSED|CONDEMNED|CALLED_ON|DENIED]->(b)
  WHERE r.source = $source
  RETURN type(r) AS relationship, a.name AS subject, b.name AS object, r.text AS sentence, r.start AS start
  UNION ALL
  MATCH (a)-[r:OCCURRED_IN|PERPETRATED_BY|LOCATED_IN|PUBLISHED_BY|AFFILIATED_WITH]->(b)
  WHERE $source IN r.evidenceSource
  UNWIND range(0, size(r.evidenceSource) - 1) AS i
  WITH a, r, b, i
  WHERE r.evidenceSource[i] = $source
  RETURN type(r) AS relationship, a.name AS subject, b.name AS object, r.evidenceText[i] AS sentence, r.evidenceStart[i] AS start
  UNION ALL
  MATCH (e:Event)
  WHERE $source IN e.evidenceSource
  UNWIND range(0, size(e.evidenceSource) - 1) AS i
  WITH e, i
  WHERE e.evidenceSource[i] = $source
  RETURN 'EVENT' AS relationship, e.name AS subject, e.eventType AS object, e.evidenceText[i] AS sentence, e.evidenceStart[i] AS start
}
RETURN relationship, subject, object, sentence, start
ORDER BY start, relationship, subject, object
