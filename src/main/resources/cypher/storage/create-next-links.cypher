// Links consecutive layers with NEXT relationships that carry the layer pair's statistics.
// Parameters: $links (list of maps {from, to, properties}; from and to are internal node ids).
UNWIND $links AS link
MATCH (a) WHERE id(a) = link.from
MATCH (b) WHERE id(b) = link.to
CREATE (a)-[r:NEXT]->(b)
SET r = link.properties
