// layer-summary: one row per layer of a stored model. The spectrum: rank, sigmaMax, stable rank,
// and how many spectral neurons are near-kernel (relativeSigma < $threshold). The link to the
// next layer: width n and positions z, significant edges counted on the graph, the strongest
// significant edge (from index -> to index, ratio n*a, p-value) and the internal dimensions
// (q on this layer's side, p on the next layer's side). The pair columns are null on the last layer.
// Parameters: $model (model name), $threshold (near-kernel cut-off on relativeSigma, e.g. 0.1).
// Neo4j Browser: :param model => 'vgg-plain'
//                :param threshold => 0.1
MATCH (:Model {name: $model})-[:HAS_LAYER]->(layer:Layer)
OPTIONAL MATCH (layer)-[next:NEXT]->(:Layer)
CALL (layer) {
  MATCH (layer)-[:HAS_NEURON]->(s:SpectralNeuron)
  RETURN count(s) AS neurons, count(CASE WHEN s.relativeSigma < $threshold THEN 1 END) AS nearKernel
}
CALL (layer) {
  OPTIONAL MATCH (layer)-[:HAS_NEURON]->(s:SpectralNeuron)-[e:SVR_EDGE]->(t:SpectralNeuron)
  WHERE e.significant
  WITH s, e, t ORDER BY e.ratio DESC, s.index, t.index
  RETURN count(e) AS significantEdges,
         head(collect({from: s.index, to: t.index, ratio: e.ratio, pValue: e.pValue})) AS strongest
}
RETURN layer.index AS layer, layer.name AS name, layer.kind AS kind, layer.shape AS shape,
       layer.rank AS rank, layer.sigmaMax AS sigmaMax, layer.stableRank AS stableRank,
       nearKernel, toFloat(nearKernel) / neurons AS nearKernelFraction,
       next.n AS n, next.z AS z,
       CASE WHEN next IS NULL THEN null ELSE significantEdges END AS significantEdges,
       strongest.from AS strongestFrom, strongest.to AS strongestTo,
       strongest.ratio AS strongestRatio, strongest.pValue AS strongestPValue,
       next.layerDimension AS internalDimension, next.nextLayerDimension AS nextInternalDimension
ORDER BY layer
