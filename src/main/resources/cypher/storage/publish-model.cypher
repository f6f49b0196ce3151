// Makes a fully written staged model visible: staging labels become Model, Layer and
// SpectralNeuron. Runs in one transaction, so queries see the whole model or none of it.
// Parameters: $key (staging key).
MATCH (m:StagedModel {stagingKey: $key})
REMOVE m:StagedModel, m.stagingKey, m.heartbeat
SET m:Model, m.loadedAt = datetime()
WITH m
OPTIONAL MATCH (m)-[:HAS_LAYER]->(l:StagedLayer)
REMOVE l:StagedLayer
SET l:Layer
WITH m, l
OPTIONAL MATCH (l)-[:HAS_NEURON]->(n:StagedNeuron)
REMOVE n:StagedNeuron
SET n:SpectralNeuron
RETURN count(DISTINCT m) AS models, count(n) AS neurons
