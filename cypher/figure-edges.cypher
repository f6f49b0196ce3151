// The significant edges of one stored model, which the SVR figure draws. Edges stored with
// significant = false (the extra strongest edges that `svr load --store-top` keeps) are left out.
// The match starts from the Model node, so the edges of a load in progress are never counted.
// Parameters: $model (the model's name).
// Returns one row per edge, ordered by pair, j, i: pair (index l of the earlier layer), i (neuron
// index in layer l + 1), j (neuron index in layer l), coefficient (a_ij), ratio (n a_ij) and
// pValue (exact p-value under the null).
// Neo4j Browser: :param model => 'vgg16'
MATCH (:Model {name: $model})-[:HAS_LAYER]->(:Layer)-[:HAS_NEURON]->(a:SpectralNeuron)
    -[e:SVR_EDGE {significant: true}]->(b:SpectralNeuron)
RETURN a.layer AS pair, b.index AS i, a.index AS j, e.coefficient AS coefficient, e.ratio AS ratio,
    e.pValue AS pValue
ORDER BY pair, j, i
