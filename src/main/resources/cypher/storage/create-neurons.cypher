// Creates staged spectral neurons under their staged layers and returns their internal ids.
// Parameters: $neurons (list of maps {layerId: internal id of the StagedLayer, properties:
// SpectralNeuron property map}).
UNWIND $neurons AS neuron
MATCH (l) WHERE id(l) = neuron.layerId
CREATE (l)-[:HAS_NEURON]->(n:StagedNeuron)
SET n = neuron.properties
RETURN neuron.properties.layer AS layer, neuron.properties.index AS index, id(n) AS id
