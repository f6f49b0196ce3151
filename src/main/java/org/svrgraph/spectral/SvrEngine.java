package org.svrgraph.spectral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svrgraph.Progress;
import org.svrgraph.chain.FlattenOrder;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.MapKind;
import org.svrgraph.chain.WeightChain;

/**
 * Computes the Singular Value Representation of a weight chain: the SVD of every layer, the
 * adjacency matrix of every consecutive pair, the significance of every edge, and the quantities
 * derived from them.
 */
public final class SvrEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SvrEngine.class);

    private final LinearAlgebra algebra;
    private final int parallelism;

    /** Creates an engine that decomposes up to one layer per available processor at a time. */
    public SvrEngine(LinearAlgebra algebra) {
        this(algebra, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Creates an engine that decomposes up to {@code parallelism} layers at a time. Each SVD runs on
     * one thread of the backend, so parallel layers are how the engine uses several cores.
     */
    public SvrEngine(LinearAlgebra algebra, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, got " + parallelism);
        }
        this.algebra = algebra;
        this.parallelism = parallelism;
    }

    /** Computes the SVR without progress reports. */
    public SvrResult compute(WeightChain chain, SvrOptions options) {
        return compute(chain, options, Progress.NONE);
    }

    /** Computes the SVR, reporting the svd, adjacency and significance stages to {@code progress}. */
    public SvrResult compute(WeightChain chain, SvrOptions options, Progress progress) {
        WeightChain effective = options.foldBatchNorm() ? chain.foldBatchNorm() : chain;
        Map<String, Double> stageSeconds = new LinkedHashMap<>();

        long start = System.nanoTime();
        List<SpectralLayer> layers = decomposeLayers(effective, options, progress);
        stageSeconds.put("svd", seconds(start));

        start = System.nanoTime();
        List<Matrix> adjacencies = computeAdjacencies(effective, layers, options, progress);
        stageSeconds.put("adjacency", seconds(start));

        start = System.nanoTime();
        List<LayerPair> pairs = evaluatePairs(effective, layers, adjacencies, options, progress);
        List<double[]> intensities = nodeIntensities(layers, pairs);
        double pathMetric = SpectralStatistics.pathMetric(layers, adjacencies, true, 0);
        stageSeconds.put("significance", seconds(start));

        LOG.info("SVR of {} layers done with {}: svd {} s, adjacency {} s, significance {} s", layers.size(),
                algebra.name(), format(stageSeconds.get("svd")), format(stageSeconds.get("adjacency")),
                format(stageSeconds.get("significance")));
        return new SvrResult(options, layers, pairs, intensities, pathMetric, algebra.name(), stageSeconds);
    }

    /**
     * Decomposes every layer. With several threads the largest goes first, so that the longest SVD
     * starts at once while the other threads work through the small layers.
     */
    private List<SpectralLayer> decomposeLayers(WeightChain chain, SvrOptions options, Progress progress) {
        int count = chain.size();
        SpectralLayer[] layers = new SpectralLayer[count];
        AtomicInteger done = new AtomicInteger();
        progress.update("svd", 0, count);
        List<Integer> order = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            order.add(l);
        }
        if (parallelism > 1) {
            // One thread keeps chain order, so that each progress step is the layer of that index.
            order.sort(Comparator.comparingInt((Integer l) -> chain.get(l).weights().length).reversed());
        }

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, count), daemonThreads());
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int l : order) {
                tasks.add(pool.submit(() -> {
                    layers[l] = decompose(chain.get(l), l, options);
                    progress.update("svd", done.incrementAndGet(), count);
                }));
            }
            for (Future<?> task : tasks) {
                awaitTask(task);
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(layers);
    }

    private SpectralLayer decompose(LinearMap map, int l, SvrOptions options) {
        long start = System.nanoTime();
        Matrix transposed = LayerMatrix.transposed(map, options.method());
        ThinSvd svd = LayerMatrix.fromTransposed(algebra.svd(transposed, options.topK(), options.precision()));
        LOG.debug("SVD of layer {} '{}' ({} x {}, rank {}) took {} s", l, map.name(), transposed.cols(),
                transposed.rows(), svd.rank(), format(seconds(start)));
        return new SpectralLayer(l, map.name(), map.kind(), map.shape().clone(), svd.sigma(), svd.u(), svd.v(),
                LayerMatrix.frobeniusNorm(map));
    }

    /** Waits for a task and rethrows its failure as it was thrown. */
    private static void awaitTask(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing the SVDs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "svr-svd-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private List<Matrix> computeAdjacencies(WeightChain chain, List<SpectralLayer> layers, SvrOptions options,
            Progress progress) {
        List<Matrix> adjacencies = new ArrayList<>();
        int pairCount = chain.size() - 1;
        progress.update("adjacency", 0, pairCount);
        for (int l = 0; l < pairCount; l++) {
            Adjacency.Side current = currentSide(chain, layers, l, options.method());
            Adjacency.Side next = nextSide(chain, layers, l, options.method());
            adjacencies.add(Adjacency.compute(next, current, chain.linkWidth(l), algebra));
            progress.update("adjacency", l + 1, pairCount);
        }
        return adjacencies;
    }

    /** Left singular vectors of layer l: over output channels, or (cosvr conv) output channels x kernel. */
    private static Adjacency.Side currentSide(WeightChain chain, List<SpectralLayer> layers, int l,
            SvrMethod method) {
        LinearMap map = chain.get(l);
        int positions = method == SvrMethod.COSVR && map.kind() == MapKind.CONVOLUTION ? map.kernelPositions() : 1;
        return new Adjacency.Side(layers.get(l).u(), positions, FlattenOrder.CHANNELS_FIRST);
    }

    /**
     * Right singular vectors of layer l+1 viewed per input channel: a conv's kernel positions (svr),
     * a flattened feature map's spatial positions (first FC after a conv), or a single position.
     */
    private static Adjacency.Side nextSide(WeightChain chain, List<SpectralLayer> layers, int l, SvrMethod method) {
        LinearMap next = chain.get(l + 1);
        Matrix vectors = layers.get(l + 1).v();
        if (next.kind() == MapKind.CONVOLUTION) {
            int positions = method == SvrMethod.SVR ? next.kernelPositions() : 1;
            return new Adjacency.Side(vectors, positions, FlattenOrder.CHANNELS_FIRST);
        }
        boolean afterConvolution = chain.get(l).kind() == MapKind.CONVOLUTION;
        FlattenOrder order = afterConvolution ? next.flattenOrder() : FlattenOrder.CHANNELS_FIRST;
        return new Adjacency.Side(vectors, chain.inputPositions(l), order);
    }

    private List<LayerPair> evaluatePairs(WeightChain chain, List<SpectralLayer> layers, List<Matrix> adjacencies,
            SvrOptions options, Progress progress) {
        List<LayerPair> pairs = new ArrayList<>();
        progress.update("significance", 0, adjacencies.size());
        for (int l = 0; l < adjacencies.size(); l++) {
            Matrix adjacency = adjacencies.get(l);
            int n = chain.linkWidth(l);
            NullDistribution nullDistribution = new NullDistribution(n, nullPositions(chain, layers, l,
                    options.method()));
            PairSignificance significance = EdgeSignificance.evaluate(adjacency, nullDistribution,
                    options.tailProbability(), options.fdrLevel());
            int[] dimensions = SpectralStatistics.internalDimensions(adjacency, n);
            pairs.add(new LayerPair(l, nullDistribution, adjacency, significance, options.criterion(), dimensions[1],
                    dimensions[0], SpectralStatistics.entropy(adjacency)));
            progress.update("significance", l + 1, adjacencies.size());
        }
        return pairs;
    }

    /**
     * Returns the z of the null law: the next layer's positions for svr, and for cosvr the kernel
     * positions of layer l when it is a convolution.
     */
    private static int nullPositions(WeightChain chain, List<SpectralLayer> layers, int l, SvrMethod method) {
        Adjacency.Side current = currentSide(chain, layers, l, method);
        Adjacency.Side next = nextSide(chain, layers, l, method);
        if (current.positions() > 1) {
            // NOTE: cosvr from a convolution to the first FC map sums over kernel and spatial positions.
            // The Beta law with the kernel's z, which the reference implementation uses, is then approximate.
            return current.positions();
        }
        return next.positions();
    }

    private static List<double[]> nodeIntensities(List<SpectralLayer> layers, List<LayerPair> pairs) {
        List<double[]> intensities = new ArrayList<>();
        for (LayerPair pair : pairs) {
            intensities.add(SpectralStatistics.nodeIntensity(pair.adjacency(), pair.n()));
        }
        double[] last = new double[layers.get(layers.size() - 1).rank()];
        java.util.Arrays.fill(last, 1);
        intensities.add(last);
        return intensities;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String format(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.2f", seconds);
    }
}
