// The shortest chain of relationships between two actors, in either direction (an accusation,
// an event one perpetrated where the other was accused of another, ...). Provenance (MENTIONS)
// is left out, so two actors are not linked just because one report names both.
//
// Neo4j variant; the embedded store runs shortest-path.kuzu.cypher (Kuzu writes
// [* SHORTEST 1..n] where Neo4j has shortestPath(), and names types with label()).
//
// @param from required the first actor's id, e.g. actor:syrian-coalition
// @param to required the second actor's id, e.g. actor:russia
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = shortestPath((a)-[:ACCUSED|CONDEMNED|CALLED_ON|DENIED|OCCURRED_IN|PERPETRATED_BY|LOCATED_IN|PUBLISHED_BY|AFFILIATED_WITH*..8]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS relationships, p AS path
