// The most condemned actors: how many sentences condemn each actor, by how many different
// actors, in how many reports. Condemnations of events are left out (see actor-ego-network for
// an actor's whole neighbourhood). Runs unchanged on Neo4j and Kuzu.
//
// Kuzu 0.11 note: a DISTINCT aggregate placed before a plain one in the same WITH returns 0 for
// the plain one, so count(r) comes first here; keep that order when editing.
//
// @param limit 25 at most this many actors
MATCH (c:Actor)-[r:CONDEMNED]->(a:Actor)
WITH a, count(r) AS condemnations, count(DISTINCT c) AS condemners, count(DISTINCT r.source) AS reports
RETURN a.name AS actor, condemnations, condemners, reports, a.id AS actorId
ORDER BY condemnations DESC, actor, actorId
LIMIT $limit
