// Events by place, with casualty ranges. A report gives a range ("at least 50" is 50 to unknown,
// "nearly 160" is up to 160), so totals are ranges too: the lower bound adds the lower bounds,
// the upper bound adds the upper bounds and is null (unknown) as soon as one event's count is
// open-ended. Only events whose report gives a count add to the totals; `withKilled` and
// `withInjured` say how many did (with none, both bounds are null, not 0). Events count where
// the report places them (no roll-up to the governorate), and two reports of one incident may
// count as two events. Runs unchanged on Neo4j and Kuzu.
//
// @param limit 100 at most this many places
MATCH (e:Event)-[:OCCURRED_IN]->(p:Place)
WITH p, count(e) AS events,
     sum(CASE WHEN e.killedMin IS NULL AND e.killedMax IS NULL THEN 0 ELSE 1 END) AS withKilled,
     sum(coalesce(e.killedMin, 0)) AS killedLow,
     sum(coalesce(e.killedMax, 0)) AS killedMaxKnown,
     sum(CASE WHEN e.killedMin IS NOT NULL AND e.killedMax IS NULL THEN 1 ELSE 0 END) AS killedOpen,
     sum(CASE WHEN e.injuredMin IS NULL AND e.injuredMax IS NULL THEN 0 ELSE 1 END) AS withInjured,
     sum(coalesce(e.injuredMin, 0)) AS injuredLow,
     sum(coalesce(e.injuredMax, 0)) AS injuredMaxKnown,
     sum(CASE WHEN e.injuredMin IS NOT NULL AND e.injuredMax IS NULL THEN 1 ELSE 0 END) AS injuredOpen
RETURN p.name AS place, p.kind AS kind, events,
       withKilled, CASE WHEN withKilled = 0 THEN NULL ELSE killedLow END AS killedMin,
       CASE WHEN withKilled = 0 OR killedOpen > 0 THEN NULL ELSE killedMaxKnown END AS killedMax,
       withInjured, CASE WHEN withInjured = 0 THEN NULL ELSE injuredLow END AS injuredMin,
       CASE WHEN withInjured = 0 OR injuredOpen > 0 THEN NULL ELSE injuredMaxKnown END AS injuredMax,
       p.id AS placeId
ORDER BY events DESC, place, placeId
LIMIT $limit
