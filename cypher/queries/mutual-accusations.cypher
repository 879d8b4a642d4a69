// Mutual accusations: pairs of actors who each accuse the other, with how many sentences go each
// way. Each pair appears once (the actor with the smaller id first). Runs unchanged on Neo4j and Kuzu.
MATCH (a:Actor)-[r:ACCUSED]->(b:Actor)
WHERE a.id < b.id
WITH a, b, count(r) AS aAccusesB
MATCH (b)-[r2:ACCUSED]->(a)
WITH a, b, aAccusesB, count(r2) AS bAccusesA
RETURN a.name AS actorA, b.name AS actorB, aAccusesB, bAccusesA, a.id AS actorAId, b.id AS actorBId
ORDER BY aAccusesB + bAccusesA DESC, actorA, actorB, actorAId, actorBId
