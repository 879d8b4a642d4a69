// An actor's ego network, Kuzu variant of actor-ego-network.cypher (same columns). Kuzu has no
// startNode(), so outgoing and incoming relationships are matched separately and joined with
// UNION ALL. Kuzu cannot sort a union as a whole and may run its two halves in either order (seen
// on a busy machine): each half is sorted, and the direction column says which half a row is from.
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
