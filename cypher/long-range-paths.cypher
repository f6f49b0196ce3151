// long-range-paths: the heaviest paths of significant edges through a model, found by GDS
// (gds.dag.longestPath.stream) on a projection of the model's significant edges. An edge weighs
// its ratio n*a ($weight = 'ratio') or -log10 of its p-value ($weight = 'log10p'; p-values below
// $minPValue, including p = 0, count as $minPValue). Paths that are the beginning of a heavier
// listed path are left out. Returns the layers each path crosses, its neurons as layer:index, the
// ratios and weights of its edges, and its total weight.
// Parameters: $model (model name), $weight ('ratio' or 'log10p'; svr paths uses 'log10p' by default),
// $minPValue (e.g. 1e-300),
// $limit (rows).
// The projection 'svr-paths-' + $model is dropped at the end; a failed run leaves it in the GDS
// catalog: CALL gds.graph.drop('svr-paths-' + $model, false). svr paths drops it in any case.
// Neo4j Browser: :param model => 'vgg-plain'
//                :param weight => 'ratio'
//                :param minPValue => 1e-300
//                :param limit => 5
MATCH (source:SpectralNeuron {model: $model})-[e:SVR_EDGE]->(target:SpectralNeuron)
WHERE e.significant
WITH source, target,
     CASE $weight
       WHEN 'ratio' THEN e.ratio
       WHEN 'log10p' THEN -log10(CASE WHEN e.pValue < $minPValue THEN $minPValue ELSE e.pValue END)
     END AS weight
WITH gds.graph.project('svr-paths-' + $model, source, target,
                       {relationshipProperties: {weight: weight}}) AS graph
// With no matching neuron the projection is null and nothing is projected: return no rows.
WITH graph WHERE graph IS NOT NULL
CALL (graph) {
  CALL gds.dag.longestPath.stream(graph.graphName, {relationshipWeightProperty: 'weight', concurrency: 1})
  YIELD nodeIds, totalCost, costs
  RETURN collect({nodes: nodeIds, total: totalCost, costs: costs}) AS paths
}
CALL gds.graph.drop(graph.graphName, false) YIELD graphName
UNWIND paths AS path
WITH path, paths
WHERE size(path.nodes) > 1
  AND none(longer IN paths WHERE size(longer.nodes) > size(path.nodes)
                             AND longer.nodes[0..size(path.nodes)] = path.nodes)
WITH path ORDER BY path.total DESC LIMIT $limit
WITH path, [id IN path.nodes | gds.util.asNode(id)] AS neurons
CALL (neurons) {
  UNWIND range(0, size(neurons) - 2) AS step
  WITH step, neurons[step] AS from, neurons[step + 1] AS to
  MATCH (from)-[r:SVR_EDGE]->(to)
  WITH step, r ORDER BY step
  RETURN collect(r.ratio) AS ratios
}
RETURN neurons[0].layer AS fromLayer, neurons[-1].layer AS toLayer, size(neurons) - 1 AS hops,
       [n IN neurons | toString(n.layer) + ':' + toString(n.index)] AS neurons, ratios,
       [i IN range(1, size(path.costs) - 1) | path.costs[i] - path.costs[i - 1]] AS weights,
       path.total AS totalWeight
ORDER BY totalWeight DESC
