// Creates the hidden node of a model being loaded. Its layers and spectral neurons carry the
// labels StagedLayer and StagedNeuron until publish-model.cypher turns them into Layer and
// SpectralNeuron, so queries over Model, Layer or SpectralNeuron never see a half-loaded model.
// Parameters: $properties (the Model properties plus stagingKey).
CREATE (m:StagedModel)
SET m = $properties, m.heartbeat = datetime()
