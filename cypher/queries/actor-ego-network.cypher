// An actor's ego network: every node one relationship away from the actor, by direction and
// relationship type, with how many relationships join them (for claims, one per supporting
// sentence). Provenance (MENTIONS) is left out.
//
// Neo4j variant; the embedded store runs actor-ego-network.kuzu.cypher (Kuzu has no startNode(),
// so it matches each direction separately; it names types with label() where Neo4j has type()).
//
// @param actor required the actor's id, e.g. actor:russia
MATCH (a:Actor {id: $actor})-[r]-(b)
WHERE type(r) <> 'MENTIONS'
RETURN CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction,
       type(r) AS relationship, labels(b)[0] AS label, b.name AS name, count(r) AS relationships, b.id AS id
ORDER BY direction DESC, relationship, name, id
