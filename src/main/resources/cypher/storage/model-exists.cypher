// Counts the complete models with the given name (0 or 1).
// Parameters: $name.
MATCH (m:Model {name: $name})
RETURN count(m) AS models
