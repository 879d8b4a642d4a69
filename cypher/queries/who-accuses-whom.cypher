// Who accuses whom: every (accuser, accused) pair with how many sentences make the accusation,
// in how many reports, and the first and last date (the sentence's date, else the report's).
// Runs unchanged on Neo4j and on the embedded store (Kuzu).
//
// @param minClaims 1 only pairs with at least this many supporting sentences
// @param limit 100 at most this many pairs
MATCH (a:Actor)-[r:ACCUSED]->(b:Actor)
WITH a, b, count(r) AS claims, min(r.date) AS first, max(r.date) AS last, count(DISTINCT r.source) AS reports
WHERE claims >= $minClaims
RETURN a.name AS accuser, b.name AS accused, claims, reports, first, last, a.id AS accuserId, b.id AS accusedId
ORDER BY claims DESC, accuser, accused, accuserId, accusedId
LIMIT $limit
