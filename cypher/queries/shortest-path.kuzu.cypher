// The shortest chain of relationships between two actors, Kuzu variant of shortest-path.cypher
// (same columns): Kuzu writes the search as [* SHORTEST 1..n], has no list comprehension
// (list_transform instead) and names types with label().
//
// @param from required the first actor's id, e.g. actor:syrian-coalition
// @param to required the second actor's id, e.g. actor:russia
MATCH p = (a:Actor {id: $from})-[:ACCUSED|CONDEMNED|CALLED_ON|DENIED|OCCURRED_IN|PERPETRATED_BY|LOCATED_IN|PUBLISHED_BY|AFFILIATED_WITH* SHORTEST 1..8]-(b:Actor {id: $to})
RETURN length(p) AS hops, list_transform(nodes(p), n -> n.name) AS names, list_transform(rels(p), r -> label(r)) AS relationships, p AS path
