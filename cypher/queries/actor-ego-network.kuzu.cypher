// An actor's ego network, Kuzu variant of actor-ego-network.cypher (same columns). Kuzu has no
// startNode(), so outgoing and incoming relationships are matched separately and joined with
// UNION ALL; Kuzu cannot sort a union as a whole, so rows come outgoing first, then incoming.
// label() names a relationship's type and a node's label.
//
// @param actor required the actor's id, e.g. actor:russia
MATCH (a:Actor {id: $actor})-[r]->(b)
WHERE label(r) <> 'MENTIONS'
RETURN 'out' AS direction, label(r) AS relationship, label(b) AS label, b.name AS name, count(r) AS relationships, b.id AS id
ORDER BY relationship, name, id
UNION ALL
MATCH (a:Actor {id: $actor})<-[r]-(b)
WHERE label(r) <> 'MENTIONS'
RETURN 'in' AS direction, label(r) AS relationship, label(b) AS label, b.name AS name, count(r) AS relationships, b.id AS id
ORDER BY relationship, name, id
