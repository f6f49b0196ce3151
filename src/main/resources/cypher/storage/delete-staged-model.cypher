// Deletes a staged model node and its layers, after its neurons are gone.
// Parameters: $key (staging key).
MATCH (m:StagedModel {stagingKey: $key})
OPTIONAL MATCH (m)-[:HAS_LAYER]->(l)
DETACH DELETE l, m
