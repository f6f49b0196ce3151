// Creates the staged layers of a model and returns their internal ids.
// Parameters: $key (staging key), $layers (list of Layer property maps).
MATCH (m:StagedModel {stagingKey: $key})
UNWIND $layers AS layer
CREATE (m)-[:HAS_LAYER]->(l:StagedLayer)
SET l = layer
RETURN layer.index AS index, id(l) AS id
