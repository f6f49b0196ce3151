// long-range-paths-cypher: the plain Cypher alternative to long-range-paths (no GDS needed). It
// lists maximal paths of strong significant edges (ratio n*a >= $minRatio; no such edge enters
// the first neuron or leaves the last one) with at least $minHops edges, heaviest first. Weights
// as in long-range-paths: ratio ($weight = 'ratio') or -log10 p-value ($weight = 'log10p', p below
// $minPValue counts as $minPValue).
// Parameters: $model, $minRatio (e.g. 10), $minHops (e.g. 2), $weight, $minPValue, $limit.
// Cost: every maximal path is enumerated, which grows fast when many strong edges branch; raise
// $minRatio if it runs long. long-range-paths (GDS) has no such cost.
// Neo4j Browser: :param model => 'vgg-plain'
//                :param minRatio => 3
//                :param minHops => 2
//                :param weight => 'ratio'
//                :param minPValue => 1e-300
//                :param limit => 5
MATCH (first:SpectralNeuron {model: $model})
WHERE NOT EXISTS {
  MATCH (:SpectralNeuron)-[in:SVR_EDGE]->(first)
  WHERE in.significant AND in.ratio >= $minRatio
}
MATCH path = (first)(()-[e:SVR_EDGE WHERE e.significant AND e.ratio >= $minRatio]->(:SpectralNeuron)){1,}(last)
WHERE length(path) >= $minHops
  AND NOT EXISTS {
    MATCH (last)-[out:SVR_EDGE]->(:SpectralNeuron)
    WHERE out.significant AND out.ratio >= $minRatio
  }
WITH path, first, last,
     [r IN relationships(path) |
       CASE $weight
         WHEN 'ratio' THEN r.ratio
         WHEN 'log10p' THEN -log10(CASE WHEN r.pValue < $minPValue THEN $minPValue ELSE r.pValue END)
       END] AS weights
RETURN first.layer AS fromLayer, last.layer AS toLayer, length(path) AS hops,
       [n IN nodes(path) | toString(n.layer) + ':' + toString(n.index)] AS neurons,
       [r IN relationships(path) | r.ratio] AS ratios, weights,
       reduce(total = 0.0, w IN weights | total + w) AS totalWeight
ORDER BY totalWeight DESC
LIMIT $limit
