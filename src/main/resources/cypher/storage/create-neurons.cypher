// Creates staged spectral neurons of one layer and returns their internal ids.
// Parameters: $layerId (internal id of the StagedLayer), $neurons (list of SpectralNeuron property maps).
MATCH (l) WHERE id(l) = $layerId
UNWIND $neurons AS neuron
CREATE (l)-[:HAS_NEURON]->(n:StagedNeuron)
SET n = neuron
RETURN neuron.index AS index, id(n) AS id
