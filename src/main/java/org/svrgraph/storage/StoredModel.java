package org.svrgraph.storage;

/**
 * A complete model in the graph, as {@code svr models} lists it.
 *
 * @param name the model's unique name
 * @param format the file format it was read from
 * @param method svr or cosvr
 * @param criterion significance criterion label
 * @param sigmaLevel sigma level of the test
 * @param layers Layer nodes
 * @param neurons SpectralNeuron nodes
 * @param edges SVR_EDGE relationships stored
 * @param significantEdges stored edges that pass the model's criterion; fewer than edges after --store-top
 * @param loadedAt when the load was published, ISO-8601
 * @param source the model file
 */
public record StoredModel(String name, String format, String method, String criterion, double sigmaLevel,
        long layers, long neurons, long edges, long significantEdges, String loadedAt, String source) {
}
