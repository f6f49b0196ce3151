// Lists staged models whose load stopped: no heartbeat for $staleMinutes minutes, or all of them
// when $all is true (an embedded store at start, where no other process can be loading).
// Parameters: $all (boolean), $staleMinutes (integer).
MATCH (m:StagedModel)
WHERE $all OR m.heartbeat IS NULL OR m.heartbeat < datetime() - duration({minutes: $staleMinutes})
RETURN m.stagingKey AS key, m.name AS name, coalesce(m.retiring, false) AS retiring
