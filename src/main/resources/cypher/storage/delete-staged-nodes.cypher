// Deletes up to $limit spectral neurons of a staged model (with their remaining relationships);
// run until it returns 0, then run delete-staged-model.cypher.
// Parameters: $key (staging key), $limit (batch size).
MATCH (:StagedModel {stagingKey: $key})-[:HAS_LAYER]->(:StagedLayer)-[:HAS_NEURON]->(n:StagedNeuron)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(n) AS deleted
