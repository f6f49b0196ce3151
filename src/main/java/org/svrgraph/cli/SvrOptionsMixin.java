package org.svrgraph.cli;

import org.svrgraph.spectral.Precision;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SvrMethod;
import org.svrgraph.spectral.SvrOptions;
import picocli.CommandLine.Option;

/** The SVR settings shared by every command that computes an SVR ({@code compute}, {@code load}, ...). */
public final class SvrOptionsMixin {

    @Option(names = "--method", defaultValue = "svr", paramLabel = "svr|cosvr",
            description = "How a conv weight o x i x kh x kw becomes a matrix: svr = o x (i kh kw), "
                    + "cosvr = (o kh kw) x i (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--sigma", defaultValue = "3", paramLabel = "S",
            description = "Significance level in standard deviations; tail probability 1 - Phi(S) "
                    + "(default: ${DEFAULT-VALUE}, p = 0.00135).")
    double sigmaLevel;

    @Option(names = "--criterion", defaultValue = "chi2", paramLabel = "chi2|beta|fdr",
            description = "Which edges count as significant: chi2 = the reference chi-square approximation, "
                    + "beta = the exact Beta null at the same tail probability, fdr = exact p-values with a "
                    + "Benjamini-Hochberg cut per layer pair at --fdr (default: ${DEFAULT-VALUE}).")
    String criterion;

    @Option(names = "--fdr", defaultValue = "0.05", paramLabel = "Q",
            description = "False-discovery rate for --criterion fdr (default: ${DEFAULT-VALUE}).")
    double fdrLevel;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K",
            description = "Keep only the K largest singular triplets per layer, computed by a fast exact "
                    + "top-k method; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--precision", defaultValue = "float64", paramLabel = "float64|float32",
            description = "Precision of the SVDs. float32 is about twice as fast but singular values and "
                    + "vectors are only accurate to about 1e-5 relative, which blurs small singular values "
                    + "and near-threshold edges (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--fold-bn",
            description = "Fold BatchNorm (gamma / sqrt(var + eps) per output channel) into the preceding map "
                    + "before the SVD. Off by default, as in the reference implementation.")
    boolean foldBatchNorm;

    @Option(names = "--near-kernel", defaultValue = "0.1", paramLabel = "T",
            description = "A spectral neuron is near-kernel when sigma / sigma_max of its layer is below T "
                    + "(default: ${DEFAULT-VALUE}).")
    double nearKernelThreshold;

    @Option(names = "--backend", defaultValue = "auto", paramLabel = "auto|openblas|ejml",
            description = "Linear algebra: native OpenBLAS/LAPACK, pure-Java EJML, or auto = native where it "
                    + "loads (default: ${DEFAULT-VALUE}).")
    String backend;

    /** Returns the settings as engine options; invalid values raise IllegalArgumentException naming them. */
    public SvrOptions toOptions() {
        SvrMethod parsedMethod = switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "svr" -> SvrMethod.SVR;
            case "cosvr" -> SvrMethod.COSVR;
            default -> throw new IllegalArgumentException("Unknown --method '" + method + "'; expected svr or cosvr");
        };
        Precision parsedPrecision = switch (precision.toLowerCase(java.util.Locale.ROOT)) {
            case "float64", "double" -> Precision.FLOAT64;
            case "float32", "float" -> Precision.FLOAT32;
            default -> throw new IllegalArgumentException("Unknown --precision '" + precision
                    + "'; expected float64 or float32");
        };
        return new SvrOptions(parsedMethod, sigmaLevel, SignificanceCriterion.fromLabel(criterion), fdrLevel, topK,
                parsedPrecision, foldBatchNorm, nearKernelThreshold);
    }

    /** Returns the --backend value: auto, openblas or ejml. */
    public String backend() {
        return backend;
    }
}
