// Hides a complete model in one step by giving its nodes the staging labels again, so that it can
// be deleted in batches afterwards (or replaced in the same transaction as a new model appears).
// Parameters: $name (model name), $key (staging key the retired model gets).
MATCH (m:Model {name: $name})
REMOVE m:Model
SET m:StagedModel, m.stagingKey = $key, m.heartbeat = datetime(), m.retiring = true
WITH m
OPTIONAL MATCH (m)-[:HAS_LAYER]->(l:Layer)
REMOVE l:Layer
SET l:StagedLayer
WITH m, l
OPTIONAL MATCH (l)-[:HAS_NEURON]->(n:SpectralNeuron)
REMOVE n:SpectralNeuron
SET n:StagedNeuron
RETURN count(DISTINCT m) AS models, count(n) AS neurons
