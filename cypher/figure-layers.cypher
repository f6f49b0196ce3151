// The columns of the SVR figure of one stored model: its layers in chain order, each with the
// values of its spectral neurons as lists in neuron index order (index 0 = largest sigma).
// Parameters: $model (the model's name).
// Returns one row per layer, ordered by index: index, name, kind (conv or fc), and the lists
// neuronIndex, sigma, intensity and nearKernel, one entry per spectral neuron.
// Neo4j Browser: :param model => 'vgg16'
MATCH (:Model {name: $model})-[:HAS_LAYER]->(l:Layer)
OPTIONAL MATCH (l)-[:HAS_NEURON]->(n:SpectralNeuron)
WITH l, n
ORDER BY l.index, n.index
RETURN l.index AS index, l.name AS name, l.kind AS kind, collect(n.index) AS neuronIndex,
    collect(n.sigma) AS sigma, collect(n.intensity) AS intensity, collect(n.nearKernel) AS nearKernel
ORDER BY index
