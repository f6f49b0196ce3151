#!/usr/bin/python3
"""Compute reference SVR quantities of a weight chain in float64, for the Java tests.

Definitions (Meller and Berkouk, "Singular Value Representation: A New Graph
Perspective On Neural Networks", AISTATS 2023), "svr" method:
- The chain is every tensor of at least 2 dimensions, in state-dict order
  (biases and BatchNorm statistics are skipped, BatchNorm is not folded).
- Layer matrix: FC weight W (out x in) as is; conv weight (o, i, kh, kw)
  reshaped row-major to o x (i*kh*kw). Thin SVD M = U S V^T.
- Pair (l, l+1): n = output width of layer l, z = positions per input channel
  of layer l+1 (kh*kw for a conv, in/n for an FC after a channels-first flatten,
  1 for FC after FC). With V_i = row i of V^T of layer l+1 viewed as an n x z
  array, a_ij = sum_p (sum_c V_i[c, p] u_j[c])^2, u_j column j of U of layer l.
- Significance at sigma level s: p = norm.sf(s); edge significant iff
  a_ij >= chi2.ppf(1 - p, z) / (n z), the chi-square approximation of the null
  n z a_ij ~ chi2(z). The exact null Beta(z/2, z(n-1)/2) count is reported too.

Usage:
    /usr/bin/python3 scripts/reference_svr.py MODEL.pth OUTPUT.json [--npz FULL.npz]
    /usr/bin/python3 scripts/reference_svr.py --self-test
Reads .pth/.pt (torch state_dict) or .npz (arrays in stored order).
"""

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
from scipy import stats

CORNER_SIZE = 4
# Entries this close (relative) to the threshold could flip between float64
# implementations, so their number is reported next to each count.
TIE_TOLERANCE = 1e-9


def load_weight_chain(path):
    """Return [(key, float64 array)] for every tensor of at least 2 dimensions, in stored order."""
    path = Path(path)
    if path.suffix == ".npz":
        with np.load(path) as archive:
            entries = [(key, archive[key]) for key in archive.files]
    else:
        import torch  # only needed for .pth files
        state = torch.load(path, map_location="cpu")
        if isinstance(state, dict) and "state_dict" in state:
            state = state["state_dict"]
        entries = [(key, value.detach().cpu().numpy()) for key, value in state.items()
                   if hasattr(value, "detach")]
    chain = [(key, np.asarray(value, dtype=np.float64)) for key, value in entries if np.ndim(value) >= 2]
    if len(chain) < 2:
        raise ValueError(f"{path}: found {len(chain)} weight tensors of 2+ dimensions, need at least 2")
    return chain


def layer_matrix(weight):
    """Return the svr-method matrix: FC as is, conv (o, i, kh, kw) as o x (i*kh*kw) row-major."""
    return weight.reshape(weight.shape[0], -1)


def thin_svd(matrix):
    u, s, vt = np.linalg.svd(matrix, full_matrices=False)
    return u, s, vt


def positions_per_channel(key, next_weight, n):
    """Return z for the input of next_weight when the previous map has n outputs."""
    in_channels = next_weight.shape[1]
    if next_weight.ndim == 4:
        if in_channels != n:
            raise ValueError(f"{key}: conv takes {in_channels} input channels but the previous map has {n} outputs")
        return next_weight.shape[2] * next_weight.shape[3]
    if next_weight.ndim == 2:
        if in_channels % n != 0:
            raise ValueError(f"{key}: FC input width {in_channels} is not a multiple of the previous map's {n} outputs")
        return in_channels // n
    raise ValueError(f"{key}: {next_weight.ndim}-dimensional weight is neither FC (2) nor conv (4)")


def adjacency(u_layer, vt_next, n, z):
    """Return A with A[i, j] = a_ij, i over spectral neurons of layer l+1, j over layer l.

    Rows of vt_next are channel-major (c, p), index c*z + p, which matches both the
    conv reshape over (i, kh, kw) and PyTorch's channels-first flatten.
    """
    v_arrays = vt_next.reshape(vt_next.shape[0], n, z)
    result = np.zeros((vt_next.shape[0], u_layer.shape[1]))
    for p in range(z):
        result += (v_arrays[:, :, p] @ u_layer) ** 2
    return result


def significance_thresholds(n, z, sigma_level):
    p_value = stats.norm.sf(sigma_level)
    chi2_threshold = stats.chi2.ppf(1.0 - p_value, z) / (n * z)
    beta_threshold = stats.beta.isf(p_value, z / 2.0, z * (n - 1) / 2.0)
    return p_value, chi2_threshold, beta_threshold


def count_near(values, threshold):
    return int(np.sum(np.abs(values - threshold) <= TIE_TOLERANCE * threshold))


def describe_pair(index, keys, a, n, z, sigma_level):
    p_value, chi2_threshold, beta_threshold = significance_thresholds(n, z, sigma_level)
    i_max, j_max = np.unravel_index(int(np.argmax(a)), a.shape)
    positive = a[a > 0]
    record = {
        "layer": index, "next_layer": index + 1, "keys": list(keys),
        "n": n, "z": z, "singular_value_count_layer": a.shape[1], "singular_value_count_next_layer": a.shape[0],
        "p_value": p_value,
        "chi2_threshold": chi2_threshold, "chi2_threshold_ratio": n * chi2_threshold,
        "significant_count_chi2": int(np.sum(a >= chi2_threshold)),
        "near_threshold_count_chi2": count_near(a, chi2_threshold),
        "beta_threshold": beta_threshold, "beta_threshold_ratio": n * beta_threshold,
        "significant_count_beta": int(np.sum(a >= beta_threshold)),
        "near_threshold_count_beta": count_near(a, beta_threshold),
        "adjacency_sum": float(a.sum()),
        "adjacency_min": float(a.min()),
        "adjacency_max": {"i": int(i_max), "j": int(j_max), "value": float(a[i_max, j_max])},
        "entropy": float(-np.sum(positive * np.log(positive))),
        "adjacency_corner_note": f"a[i][j] for i, j < {CORNER_SIZE}; i indexes layer next_layer, j layer",
        "adjacency_corner": a[:CORNER_SIZE, :CORNER_SIZE].tolist(),
    }
    if z == 1 and a.shape[0] >= n:
        # Each u_j lies in the span of the next layer's v_i, so every column sums to 1.
        record["max_column_sum_error"] = float(np.max(np.abs(a.sum(axis=0) - 1.0)))
    return record


def compute_reference(chain, sigma_level):
    """Return (JSON-ready summary, full arrays for an optional .npz)."""
    layers = []
    svds = []
    for index, (key, weight) in enumerate(chain):
        u, s, vt = thin_svd(layer_matrix(weight))
        svds.append((u, s, vt))
        kind = "conv" if weight.ndim == 4 else "fc"
        layers.append({"index": index, "key": key, "shape": list(weight.shape), "kind": kind,
                       "matrix_shape": [weight.shape[0], int(np.prod(weight.shape[1:]))],
                       "singular_value_count": len(s), "singular_values": s.tolist()})
    pairs = []
    full = {f"singular_values_{index}": svd[1] for index, svd in enumerate(svds)}
    for index in range(len(chain) - 1):
        n = chain[index][1].shape[0]
        next_key, next_weight = chain[index + 1]
        z = positions_per_channel(next_key, next_weight, n)
        a = adjacency(svds[index][0], svds[index + 1][2], n, z)
        full[f"adjacency_{index}"] = a
        pairs.append(describe_pair(index, (chain[index][0], next_key), a, n, z, sigma_level))
    summary = {"method": "svr", "sigma_level": sigma_level, "dtype": "float64",
               "svd": "numpy.linalg.svd (LAPACK gesdd), thin", "layers": layers, "pairs": pairs}
    return summary, full


def loop_adjacency(u_layer, vt_next, n, z):
    """Compute a_ij with explicit loops over the definition, to check adjacency()."""
    a = np.zeros((vt_next.shape[0], u_layer.shape[1]))
    for i in range(vt_next.shape[0]):
        for j in range(u_layer.shape[1]):
            total = 0.0
            for p in range(z):
                inner = sum(vt_next[i, c * z + p] * u_layer[c, j] for c in range(n))
                total += inner ** 2
            a[i, j] = total
    return a


def self_test():
    """Check the vectorised adjacency, sign invariance, column sums and known cut-offs."""
    rng = np.random.default_rng(7)
    chain = [("conv_a", rng.standard_normal((6, 3, 3, 3))), ("conv_b", rng.standard_normal((5, 6, 3, 3))),
             ("fc_a", rng.standard_normal((8, 5 * 4))), ("fc_b", rng.standard_normal((12, 8)))]
    summary, full = compute_reference(chain, 3.0)
    for index in range(len(chain) - 1):
        u = np.linalg.svd(layer_matrix(chain[index][1]), full_matrices=False)[0]
        vt = np.linalg.svd(layer_matrix(chain[index + 1][1]), full_matrices=False)[2]
        n, z = summary["pairs"][index]["n"], summary["pairs"][index]["z"]
        assert np.allclose(full[f"adjacency_{index}"], loop_adjacency(u, vt, n, z), atol=1e-12), index
        flipped = adjacency(-u, vt * np.where(np.arange(vt.shape[0]) % 2 == 0, -1.0, 1.0)[:, None], n, z)
        assert np.allclose(flipped, full[f"adjacency_{index}"], atol=1e-12), index
    assert summary["pairs"][2]["max_column_sum_error"] < 1e-12
    expected_ratios = {1: 10.27, 9: 3.01, 49: 1.72}
    for z, ratio in expected_ratios.items():
        n = 512
        _, chi2_threshold, _ = significance_thresholds(n, z, 3.0)
        assert abs(n * chi2_threshold - ratio) < 0.01, (z, n * chi2_threshold)
    print("self-test passed")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", nargs="?", type=Path, help=".pth, .pt or .npz file")
    parser.add_argument("output", nargs="?", type=Path, help="JSON file to write")
    parser.add_argument("--npz", type=Path, help="also write full singular values and adjacency matrices")
    parser.add_argument("--sigma-level", type=float, default=3.0)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        self_test()
        return
    if args.model is None or args.output is None:
        parser.error("MODEL and OUTPUT are required unless --self-test is given")

    chain = load_weight_chain(args.model)
    summary, full = compute_reference(chain, args.sigma_level)
    summary = {"source": args.model.name,
               "source_sha256": hashlib.sha256(args.model.read_bytes()).hexdigest(),
               "generator": "scripts/reference_svr.py", **summary}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=1) + "\n")
    if args.npz is not None:
        np.savez_compressed(args.npz, **full)


if __name__ == "__main__":
    main()
