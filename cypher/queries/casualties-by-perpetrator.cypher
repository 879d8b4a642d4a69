// Casualties by alleged perpetrator: for each actor a report holds responsible for events
// (PERPETRATED_BY is an allegation, attributed in its evidence), the events, how many of them
// someone contests, and the casualty ranges they add up to, counted as in events-by-place.cypher:
// lower bounds add up; the upper bound is null once one count is open-ended; only events with a
// count add to the totals; with none, both bounds are null. Runs unchanged on Neo4j and Kuzu.
//
// @param limit 50 at most this many actors
MATCH (e:Event)-[:PERPETRATED_BY]->(a:Actor)
WITH a, count(e) AS events,
     sum(CASE WHEN e.status = 'contested' THEN 1 ELSE 0 END) AS contested,
     sum(CASE WHEN e.killedMin IS NULL AND e.killedMax IS NULL THEN 0 ELSE 1 END) AS withKilled,
     sum(coalesce(e.killedMin, 0)) AS killedLow,
     sum(coalesce(e.killedMax, 0)) AS killedMaxKnown,
     sum(CASE WHEN e.killedMin IS NOT NULL AND e.killedMax IS NULL THEN 1 ELSE 0 END) AS killedOpen,
     sum(CASE WHEN e.injuredMin IS NULL AND e.injuredMax IS NULL THEN 0 ELSE 1 END) AS withInjured,
     sum(coalesce(e.injuredMin, 0)) AS injuredLow,
     sum(coalesce(e.injuredMax, 0)) AS injuredMaxKnown,
     sum(CASE WHEN e.injuredMin IS NOT NULL AND e.injuredMax IS NULL THEN 1 ELSE 0 END) AS injuredOpen
RETURN a.name AS perpetrator, events, contested,
       withKilled, CASE WHEN withKilled = 0 THEN NULL ELSE killedLow END AS killedMin,
       CASE WHEN withKilled = 0 OR killedOpen > 0 THEN NULL ELSE killedMaxKnown END AS killedMax,
       withInjured, CASE WHEN withInjured = 0 THEN NULL ELSE injuredLow END AS injuredMin,
       CASE WHEN withInjured = 0 OR injuredOpen > 0 THEN NULL ELSE injuredMaxKnown END AS injuredMax,
       a.id AS actorId
ORDER BY killedLow DESC, events DESC, perpetrator, actorId
LIMIT $limit
