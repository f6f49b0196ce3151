// The title fields and SVR settings of one stored model, for `svr plot NAME`.
// Parameters: $model (the model's name).
// Returns one row, or none when no complete model has this name: name, method, criterion and
// sigmaLevel (the figure's title), nearKernelThreshold, fdrLevel, topK, precision,
// foldBatchNorm (the other settings the SVR was computed with) and layerCount.
// Neo4j Browser: :param model => 'vgg16'
MATCH (m:Model {name: $model})
RETURN m.name AS name, m.method AS method, m.criterion AS criterion, m.sigmaLevel AS sigmaLevel,
    m.nearKernelThreshold AS nearKernelThreshold, m.fdrLevel AS fdrLevel, m.topK AS topK,
    m.precision AS precision, m.foldBatchNorm AS foldBatchNorm, m.layerCount AS layerCount
