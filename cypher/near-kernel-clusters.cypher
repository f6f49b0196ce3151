// near-kernel-clusters: clusters of near-kernel spectral neurons (relativeSigma < $threshold)
// joined by significant edges between near-kernel neurons, found by GDS weakly connected
// components ('wcc') and Louvain communities ('louvain') on an undirected projection. The paper's
// second finding (BatchNorm) shows up as clusters that span several layers. One row per cluster
// of at least $minSize neurons: the algorithm, the size, the layers spanned (first, last, count),
// the neurons per layer, the significant edges inside, and the neurons as layer:index. Rows come
// per algorithm, largest first, then by the number of layers spanned.
// Parameters: $model (model name), $threshold (near-kernel cut-off, e.g. 0.1), $minSize (e.g. 2).
// The projection 'svr-clusters-' + $model is dropped at the end; a failed run leaves it in the GDS
// catalog: CALL gds.graph.drop('svr-clusters-' + $model, false). svr clusters drops it in any case.
// Neo4j Browser: :param model => 'vgg-bn'
//                :param threshold => 0.1
//                :param minSize => 2
MATCH (source:SpectralNeuron {model: $model})
WHERE source.relativeSigma < $threshold
OPTIONAL MATCH (source)-[e:SVR_EDGE]->(target:SpectralNeuron)
WHERE e.significant AND target.relativeSigma < $threshold
WITH gds.graph.project('svr-clusters-' + $model, source, target, {},
                       {undirectedRelationshipTypes: ['*']}) AS graph
// With no matching neuron the projection is null and nothing is projected: return no rows.
WITH graph WHERE graph IS NOT NULL
CALL (graph) {
  CALL gds.wcc.stream(graph.graphName, {concurrency: 1}) YIELD nodeId, componentId
  RETURN collect({algorithm: 'wcc', node: nodeId, cluster: componentId}) AS components
}
CALL (graph) {
  CALL gds.louvain.stream(graph.graphName, {concurrency: 1}) YIELD nodeId, communityId
  RETURN collect({algorithm: 'louvain', node: nodeId, cluster: communityId}) AS communities
}
CALL gds.graph.drop(graph.graphName, false) YIELD graphName
UNWIND components + communities AS member
WITH member.algorithm AS algorithm, member.cluster AS cluster, collect(gds.util.asNode(member.node)) AS members
WHERE size(members) >= $minSize
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[e:SVR_EDGE]->(b:SpectralNeuron)
  WHERE e.significant AND b IN members
  RETURN count(e) AS edges
}
CALL (members) {
  UNWIND members AS n
  WITH n ORDER BY n.layer, n.index
  WITH n.layer AS layer, collect(n) AS inLayer
  RETURN collect([layer, size(inLayer)]) AS perLayer,
         reduce(names = [], group IN collect(inLayer) |
                names + [n IN group | toString(n.layer) + ':' + toString(n.index)]) AS neurons
}
RETURN algorithm, size(members) AS size, perLayer[0][0] AS firstLayer, perLayer[-1][0] AS lastLayer,
       size(perLayer) AS layers, perLayer AS neuronsPerLayer, edges, neurons
ORDER BY algorithm DESC, size DESC, layers DESC, firstLayer
