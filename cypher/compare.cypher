// compare: several stored models side by side, one row per (layer, model), models in the order of
// $models. Per layer: rank, sigmaMax, stable rank, near-kernel fraction (relativeSigma <
// $threshold); per link to the next layer: significant edges, significant edges between two
// near-kernel neurons, and the ratio n*a of the edge between the two index-0 neurons (the start of
// a dominant chain) with its significance. The pair columns are null on the last layer; topRatio
// is also null when that edge is not stored (a load keeps only significant edges unless it ran
// with --store-top).
// The largest near-kernel cluster per model comes from near-kernel-clusters (svr compare runs it),
// and the overlap of the edge sets from compare-overlap.
// Parameters: $models (list of model names), $threshold (near-kernel cut-off, e.g. 0.1).
// Neo4j Browser: :param models => ['vgg-plain', 'vgg-bn']
//                :param threshold => 0.1
UNWIND range(0, size($models) - 1) AS position
MATCH (:Model {name: $models[position]})-[:HAS_LAYER]->(layer:Layer)
OPTIONAL MATCH (layer)-[next:NEXT]->(:Layer)
CALL (layer) {
  MATCH (layer)-[:HAS_NEURON]->(s:SpectralNeuron)
  RETURN count(s) AS neurons, count(CASE WHEN s.relativeSigma < $threshold THEN 1 END) AS nearKernel
}
CALL (layer) {
  OPTIONAL MATCH (layer)-[:HAS_NEURON]->(s:SpectralNeuron)-[e:SVR_EDGE]->(t:SpectralNeuron)
  WHERE e.significant
  RETURN count(e) AS significantEdges,
         count(CASE WHEN s.relativeSigma < $threshold AND t.relativeSigma < $threshold THEN 1 END)
           AS nearKernelEdges
}
CALL (layer) {
  OPTIONAL MATCH (layer)-[:HAS_NEURON]->(:SpectralNeuron {index: 0})-[e:SVR_EDGE]->(:SpectralNeuron {index: 0})
  RETURN e.ratio AS topRatio, e.significant AS topSignificant
}
RETURN layer.index AS layer, $models[position] AS model, layer.rank AS rank, layer.sigmaMax AS sigmaMax,
       layer.stableRank AS stableRank, toFloat(nearKernel) / neurons AS nearKernelFraction,
       CASE WHEN next IS NULL THEN null ELSE significantEdges END AS significantEdges,
       CASE WHEN next IS NULL THEN null ELSE nearKernelEdges END AS nearKernelEdges,
       topRatio, topSignificant
ORDER BY layer, position
