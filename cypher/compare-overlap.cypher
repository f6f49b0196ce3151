// compare-overlap: for every two models of $models with the same architecture (same number of
// layers and the same weight shape in every layer), the Jaccard overlap of their significant edge
// sets per layer pair: edges are matched by position (layer, from index, to index). shared is the
// number of positions significant in both, jaccard = shared / (edgesA + edgesB - shared), null
// when neither has an edge. Models of different architectures give no rows.
// Parameters: $models (list of model names).
// Neo4j Browser: :param models => ['plain-e01', 'plain-e03', 'plain-e06']
UNWIND range(0, size($models) - 1) AS i
UNWIND range(i + 1, size($models) - 1) AS j
MATCH (modelA:Model {name: $models[i]}), (modelB:Model {name: $models[j]})
WHERE modelA.layerCount = modelB.layerCount
  AND NOT EXISTS {
    MATCH (modelA)-[:HAS_LAYER]->(la:Layer), (modelB)-[:HAS_LAYER]->(lb:Layer)
    WHERE la.index = lb.index AND la.shape <> lb.shape
  }
MATCH (modelA)-[:HAS_LAYER]->(layer:Layer)-[:NEXT]->(:Layer)
CALL (modelA, modelB, layer) {
  MATCH (s:SpectralNeuron {model: modelA.name, layer: layer.index})-[e:SVR_EDGE]->(t:SpectralNeuron)
  WHERE e.significant
  OPTIONAL MATCH (:SpectralNeuron {model: modelB.name, layer: layer.index, index: s.index})
                 -[f:SVR_EDGE]->(:SpectralNeuron {index: t.index})
  WHERE f.significant
  RETURN count(e) AS edgesA, count(f) AS shared
}
CALL (modelB, layer) {
  MATCH (:SpectralNeuron {model: modelB.name, layer: layer.index})-[e:SVR_EDGE]->(:SpectralNeuron)
  WHERE e.significant
  RETURN count(e) AS edgesB
}
RETURN modelA.name AS modelA, modelB.name AS modelB, layer.index AS layer, edgesA, edgesB, shared,
       CASE WHEN edgesA + edgesB - shared = 0 THEN null
            ELSE toFloat(shared) / (edgesA + edgesB - shared) END AS jaccard
ORDER BY i, j, layer
