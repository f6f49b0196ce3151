// hubs: the spectral neurons that the significant edges of a model converge on, ranked by GDS
// PageRank on the directed graph of significant edges, with their significant in- and out-degree.
// Parameters: $model (model name), $limit (rows).
// The projection 'svr-hubs-' + $model is dropped at the end; a failed run leaves it in the GDS
// catalog: CALL gds.graph.drop('svr-hubs-' + $model, false).
// Neo4j Browser: :param model => 'vgg-plain'
//                :param limit => 10
MATCH (source:SpectralNeuron {model: $model})-[e:SVR_EDGE]->(target:SpectralNeuron)
WHERE e.significant
WITH gds.graph.project('svr-hubs-' + $model, source, target) AS graph
// With no matching neuron the projection is null and nothing is projected: return no rows.
WITH graph WHERE graph IS NOT NULL
CALL (graph) {
  CALL gds.pageRank.stream(graph.graphName, {concurrency: 1}) YIELD nodeId, score
  RETURN collect({node: nodeId, score: score}) AS ranks
}
CALL gds.graph.drop(graph.graphName, false) YIELD graphName
UNWIND ranks AS rank
WITH gds.util.asNode(rank.node) AS neuron, rank.score AS pageRank
ORDER BY pageRank DESC, neuron.layer, neuron.index
LIMIT $limit
RETURN neuron.layer AS layer, neuron.index AS index, neuron.relativeSigma AS relativeSigma, pageRank,
       COUNT { (:SpectralNeuron)-[e:SVR_EDGE WHERE e.significant]->(neuron) } AS inDegree,
       COUNT { (neuron)-[e:SVR_EDGE WHERE e.significant]->(:SpectralNeuron) } AS outDegree
