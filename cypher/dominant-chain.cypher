// dominant-chain: the longest runs of significant edges through the top spectral neurons
// (index < $k) of consecutive layers; the paper's dominant connection in VGG networks is such a run
// through index 0. Only maximal runs are listed (no significant top-k edge enters the first neuron
// or leaves the last one), longest first, ties by the sum of the edge ratios n*a.
// Returns the layers the run spans, its neurons as layer:index and its edge ratios.
// Parameters: $model (model name), $k (top-k, 1 = index 0 only), $limit (rows).
// Cost: a run may branch at every layer, so up to k^layers paths are enumerated; keep k small (<= 3).
// Neo4j Browser: :param model => 'vgg-plain'
//                :param k => 1
//                :param limit => 5
MATCH (first:SpectralNeuron {model: $model})
WHERE first.index < $k
  AND NOT EXISTS {
    MATCH (before:SpectralNeuron)-[in:SVR_EDGE]->(first)
    WHERE in.significant AND before.index < $k
  }
MATCH run = (first)(()-[e:SVR_EDGE WHERE e.significant]->(next:SpectralNeuron WHERE next.index < $k)){1,}(last)
WHERE NOT EXISTS {
    MATCH (last)-[out:SVR_EDGE]->(after:SpectralNeuron)
    WHERE out.significant AND after.index < $k
  }
WITH run, first, last, [r IN relationships(run) | r.ratio] AS ratios
RETURN first.layer AS fromLayer, last.layer AS toLayer, length(run) AS hops,
       [n IN nodes(run) | toString(n.layer) + ':' + toString(n.index)] AS neurons,
       ratios, reduce(total = 0.0, r IN ratios | total + r) AS ratioSum
ORDER BY hops DESC, ratioSum DESC
LIMIT $limit
