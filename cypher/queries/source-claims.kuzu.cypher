// Everything one source claims, Kuzu variant of source-claims.cypher (same columns). Kuzu has no
// CALL {} subquery, so the three parts are a plain UNION ALL, each in the order of the text (Kuzu
// cannot sort a union as a whole); label() names the relationship type; list positions count
// from 1.
//
// @param source required the Source id, e.g. source:55f29b8eb95bc34d
MATCH (a:Actor)-[r:ACCUSED|CONDEMNED|CALLED_ON|DENIED]->(b)
WHERE r.source = $source
RETURN label(r) AS relationship, a.name AS subject, b.name AS object, r.text AS sentence, r.start AS start
ORDER BY start, relationship, subject, object
UNION ALL
MATCH (a)-[r:OCCURRED_IN|PERPETRATED_BY|LOCATED_IN|PUBLISHED_BY|AFFILIATED_WITH]->(b)
WHERE $source IN r.evidenceSource
UNWIND range(1, size(r.evidenceSource)) AS i
WITH a, r, b, i
WHERE r.evidenceSource[i] = $source
RETURN label(r) AS relationship, a.name AS subject, b.name AS object, r.evidenceText[i] AS sentence, r.evidenceStart[i] AS start
ORDER BY start, relationship, subject, object
UNION ALL
MATCH (e:Event)
WHERE $source IN e.evidenceSource
UNWIND range(1, size(e.evidenceSource)) AS i
WITH e, i
WHERE e.evidenceSource[i] = $source
RETURN 'EVENT' AS relationship, e.name AS subject, e.eventType AS object, e.evidenceText[i] AS sentence, e.evidenceStart[i] AS start
ORDER BY start, relationship, subject, object
