// Lists the complete models with their main settings and sizes.
// Parameters: none.
MATCH (m:Model)
RETURN m.name AS name, m.format AS format, m.method AS method, m.criterion AS criterion,
    m.sigmaLevel AS sigmaLevel, m.layerCount AS layers, m.neuronCount AS neurons,
    m.edgeCount AS edges, m.significantEdgeCount AS significantEdges, m.loadedAt AS loadedAt, m.source AS source
ORDER BY name
