// Creates SVR_EDGE relationships between spectral neurons, one per array position k. Parallel
// arrays keep the Bolt message small and let the planner seek both end nodes by internal id.
// Parameters: $from, $to (internal node ids), $coefficient, $ratio, $pValue (floats),
// $significant (booleans); all of the same length.
UNWIND range(0, size($from) - 1) AS k
MATCH (a) WHERE id(a) = $from[k]
MATCH (b) WHERE id(b) = $to[k]
CREATE (a)-[:SVR_EDGE {coefficient: $coefficient[k], ratio: $ratio[k], pValue: $pValue[k],
    significant: $significant[k]}]->(b)
