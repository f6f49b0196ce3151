#!/usr/bin/python3
"""Time the SVR of a VGG16-shaped chain with random Gaussian weights in NumPy and SciPy.

The computation mirrors `svr bench` (org.svrgraph.spectral.SvrEngine) step for step, with the same
shapes, and prints its timings in the same line format, so bench/compare.py can put the two side
by side:

- svd: per layer M = W reshaped to out x (in * kh * kw). Full rank: numpy.linalg.svd (float64) or
  scipy.linalg.svd with gesdd (float32, a real single-precision SVD). Top-k: the Gram matrix of the
  smaller side by syrk, its top k eigenpairs by eigh with the evr driver, the other side by one
  GEMM, sigma = the norms of that product.
- adjacency: A = sum over positions p of (V_p^T U)^2 elementwise (Meller and Berkouk, AISTATS 2023),
  V_p the n x r slice of the next layer's right singular vectors at position p (channels-first).
- significance: chi-square and exact Beta thresholds at 3 sigma, Benjamini-Hochberg at q = 0.05,
  edge counts, internal dimensions, entropy, node intensity and the path metric.

Run with Debian's /usr/bin/python3 (numpy and scipy installed).
"""
import argparse
import os
import sys
import time

import numpy as np
import scipy
import scipy.linalg
import scipy.stats
from scipy.linalg.blas import dsyrk, ssyrk

CONV_CHANNELS = [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512]
CONV_NAMES = ["conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3",
              "conv4_1", "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3"]
FC_OUTPUTS = [4096, 4096, 1000]
FINAL_POSITIONS = 49  # 7 x 7 feature map after five poolings of a 224 x 224 input
SIGMA_LEVEL = 3.0
FDR_LEVEL = 0.05


def vgg16_chain(layers, seed):
    """Return [(name, M, kernel_positions)], M the out x (in * kh * kw) float64 matrix of each map."""
    rng = np.random.default_rng(seed)
    maps = []
    inputs = 3
    for name, outputs in zip(CONV_NAMES, CONV_CHANNELS):
        if len(maps) == layers:
            return maps
        maps.append((name, rng.standard_normal((outputs, inputs * 9)), 9))
        inputs = outputs
    inputs *= FINAL_POSITIONS
    for index, outputs in enumerate(FC_OUTPUTS):
        if len(maps) == layers:
            return maps
        maps.append(("fc%d" % (index + 1), rng.standard_normal((outputs, inputs)), 1))
        inputs = outputs
    return maps


def svd(m, top_k, precision):
    """Return (U, sigma, Vh) of m in float64, all triplets or the top k."""
    a = m.astype(np.float32) if precision == "float32" else m
    if 0 < top_k < min(m.shape):
        return gram_top_k(a, top_k)
    if precision == "float32":
        u, s, vh = scipy.linalg.svd(a, full_matrices=False, lapack_driver="gesdd", check_finite=False,
                                    overwrite_a=True)
    else:
        u, s, vh = np.linalg.svd(a, full_matrices=False)
    return np.asarray(u, np.float64), np.asarray(s, np.float64), np.asarray(vh, np.float64)


def gram_top_k(a, k):
    """Top k triplets through the Gram matrix of the smaller side, as GramTopKSvd does."""
    rows, cols = a.shape
    syrk = ssyrk if a.dtype == np.float32 else dsyrk
    side = min(rows, cols)
    if rows <= cols:
        gram = syrk(1.0, a.T, trans=1)  # a.T is Fortran-ordered: (a.T)^T a.T = a a^T, no copy
    else:
        gram = syrk(1.0, a.T, trans=0)  # a.T (a.T)^T = a^T a
    _, z = scipy.linalg.eigh(gram, lower=False, subset_by_index=[side - k, side - 1], driver="evr",
                             check_finite=False)
    # Descending order; a reversed view has a negative stride, which would take matmul off BLAS.
    z = np.ascontiguousarray(z[:, ::-1])
    products = a.T @ z if rows <= cols else a @ z
    products = np.asarray(products, np.float64)
    z = np.asarray(z, np.float64)
    norms = np.linalg.norm(products, axis=0)
    order = np.argsort(-norms, kind="stable")
    # Gaussian weights have no zero singular values, so the Java side's completion of zero
    # triplets never runs here and is left out.
    sigma = norms[order]
    other = products[:, order] / sigma
    z = z[:, order]
    if rows <= cols:
        return z, sigma, other.T
    return other, sigma, z.T


def adjacency(u, vh_next, n, z):
    """Return A (r_next x r) = sum over p of (V_p^T U)^2, with V_p the next layer's channel slice at position p."""
    if z == 1:
        product = vh_next @ u
        return product * product
    r_next = vh_next.shape[0]
    per_channel = vh_next.reshape(r_next, n, z)
    result = np.zeros((r_next, u.shape[1]))
    for p in range(z):
        # The slice has no unit stride, and numpy's matmul runs a slow loop without BLAS on such
        # operands. A contiguous copy first, as the Java side gathers it, keeps it on dgemm.
        product = np.ascontiguousarray(per_channel[:, :, p]) @ u
        result += product * product
    return result


def significance(a, n, z):
    """Thresholds, counts and statistics of one pair, as SvrEngine.evaluatePairs computes them."""
    p = scipy.stats.norm.sf(SIGMA_LEVEL)
    chi_square = scipy.stats.chi2.isf(p, z) / (n * z)
    alpha, beta = z / 2.0, z * (n - 1) / 2.0
    exact = scipy.stats.beta.isf(p, alpha, beta)
    candidates = np.sort(a[a >= scipy.stats.beta.isf(FDR_LEVEL, alpha, beta)])[::-1]
    p_values = scipy.stats.beta.sf(candidates, alpha, beta)
    passing = np.nonzero(p_values <= np.arange(1, len(candidates) + 1) * FDR_LEVEL / a.size)[0]
    fdr = candidates[passing[-1]] if len(passing) else np.inf
    counts = [int(np.count_nonzero(a >= t)) for t in (chi_square, exact, fdr)]
    block = a.cumsum(axis=0).cumsum(axis=1)
    score = n * block - np.outer(np.arange(1, a.shape[0] + 1), np.arange(1, a.shape[1] + 1))
    dimensions = np.unravel_index(np.argmax(score), score.shape)
    positive = a[a > 0]
    entropy = -np.sum(positive * np.log(positive))
    intensity = np.maximum(0, np.cumsum(n * a - 1, axis=0).max(axis=0))
    if intensity.max() > 0:
        intensity /= intensity.max()
    return counts, dimensions, entropy, intensity


def clock():
    """Return (wall-clock, process CPU) seconds now; CPU time counts all threads of the process."""
    return time.perf_counter(), time.process_time()


def since(start):
    """Return the timing fields of a result line for the time since start."""
    wall, cpu = clock()
    return "seconds=%.4f cpu_seconds=%.4f" % (wall - start[0], cpu - start[1])


def run(maps, top_k, precision, out):
    prefix = "mode=%s precision=%s" % ("full" if top_k == 0 else "top%d" % top_k, precision)
    totals = {}
    started = clock()

    stage_start = clock()
    layers = []
    for name, m, _ in maps:
        step_start = clock()
        layers.append(svd(m, top_k, precision))
        out.append("%s stage=svd step=%s shape=%dx%d %s" % (prefix, name, m.shape[0], m.shape[1], since(step_start)))
    totals["svd"] = since(stage_start)

    stage_start = clock()
    links = []
    for l in range(len(maps) - 1):
        n = maps[l][1].shape[0]
        z = maps[l + 1][2] if maps[l + 1][2] > 1 else maps[l + 1][1].shape[1] // n
        step_start = clock()
        links.append((n, z, adjacency(layers[l][0], layers[l + 1][2], n, z)))
        out.append("%s stage=adjacency step=%s>%s shape=n%dz%d %s"
                   % (prefix, maps[l][0], maps[l + 1][0], n, z, since(step_start)))
    totals["adjacency"] = since(stage_start)

    stage_start = clock()
    edges = 0
    for l, (n, z, a) in enumerate(links):
        step_start = clock()
        counts, _, _, _ = significance(a, n, z)
        edges += counts[0]
        out.append("%s stage=significance step=%s>%s shape=n%dz%d %s"
                   % (prefix, maps[l][0], maps[l + 1][0], n, z, since(step_start)))
    x = np.ones(len(layers[0][1]))
    for l in range(len(layers)):
        x = x * layers[l][1]
        if l < len(links):
            x = links[l][2] @ x
    path_metric = float(x.sum())
    totals["significance"] = since(stage_start)

    for stage in ("svd", "adjacency", "significance"):
        out.append("%s stage=%s step=total %s" % (prefix, stage, totals[stage]))
    out.append("%s stage=all step=total %s" % (prefix, since(started)))
    out.append("%s stage=result neurons=%d significant_edges=%d" % (prefix, sum(len(s) for _, s, _ in layers), edges))
    return path_metric


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=16, help="leading maps of VGG16, 1 to 16 (default 16)")
    parser.add_argument("--top-k", default="0,128", help="rank modes, comma-separated; 0 = full (default 0,128)")
    parser.add_argument("--precision", default="float64,float32", help="float64, float32 or both (default both)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random weights (default 1)")
    args = parser.parse_args()
    if not 1 <= args.layers <= 16:
        parser.error("--layers must be between 1 and 16, got %d" % args.layers)
    maps = vgg16_chain(args.layers, args.seed)
    print("# svr bench: implementation=numpy numpy=%s scipy=%s layers=%d parameters=%d seed=%d cores=%d "
          "openblas_num_threads=%s" % (np.__version__, scipy.__version__, len(maps),
                                       sum(m.size for _, m, _ in maps), args.seed, os.cpu_count(),
                                       os.environ.get("OPENBLAS_NUM_THREADS", "default")), flush=True)
    for top_k in (int(k) for k in args.top_k.split(",")):
        for precision in args.precision.split(","):
            lines = []
            run(maps, top_k, precision, lines)
            print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
