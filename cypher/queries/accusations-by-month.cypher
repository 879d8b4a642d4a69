// Accusations over time: ACCUSED sentences per month (the sentence's own date, else its report's
// publication date), with how many actors accused and were accused that month. Sentences dated
// only to a year, or not at all, are left out. Runs unchanged on Neo4j and Kuzu.
//
// @param from "0000-01" first month, YYYY-MM
// @param to "9999-12" last month, YYYY-MM
MATCH (a:Actor)-[r:ACCUSED]->(b:Actor)
WHERE r.date IS NOT NULL AND size(r.date) >= 7
WITH left(r.date, 7) AS month, r, a, b
WHERE month >= $from AND month <= $to
RETURN month, count(r) AS accusations, count(DISTINCT a) AS accusers, count(DISTINCT b) AS accused
ORDER BY month
