// Records that the load of a staged model is still alive; stale staging data is removed later.
// Parameters: $key (staging key).
MATCH (m:StagedModel {stagingKey: $key})
SET m.heartbeat = datetime()
