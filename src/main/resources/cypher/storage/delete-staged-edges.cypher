// Deletes up to $limit SVR_EDGE relationships of a staged model; run until it returns 0.
// Parameters: $key (staging key), $limit (batch size).
MATCH (:StagedModel {stagingKey: $key})-[:HAS_LAYER]->(:StagedLayer)-[:HAS_NEURON]->(:StagedNeuron)-[e:SVR_EDGE]->()
WITH e LIMIT $limit
DELETE e
RETURN count(e) AS deleted
