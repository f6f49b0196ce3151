package org.svrgraph.reader;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.LinearMap;

/**
 * Finds the BatchNorm that follows a map in a PyTorch-style state dict: a module with 1-D
 * {@code running_mean} and {@code running_var}, and optionally {@code weight} (gamma) and
 * {@code bias} (beta), one entry per output channel of the map. The module tried first is the one
 * right after the map's module in module order ({@code features.1} after {@code features.0.weight}).
 * Files whose tensors are sorted as plain strings put {@code bn1} before {@code conv1}, so the
 * map's module with {@code conv} renamed to {@code bn} in its last segment is tried next.
 */
final class BatchNormFinder {

    /** PyTorch's default BatchNorm eps; state dicts do not store eps. */
    static final double DEFAULT_EPS = 1e-5;

    private final Map<String, Tensor> tensors;
    private final List<String> modules;

    BatchNormFinder(Map<String, Tensor> tensorsByName, ModuleOrder order) {
        this.tensors = tensorsByName;
        TreeSet<String> sorted = new TreeSet<>(order);
        for (String name : tensorsByName.keySet()) {
            sorted.add(ModuleOrder.moduleOf(name));
        }
        this.modules = List.copyOf(sorted);
    }

    /** Returns the BatchNorm that follows the map, or null when no candidate module is a BatchNorm. */
    BatchNorm find(LinearMap map) {
        String module = ModuleOrder.moduleOf(map.name());
        if (module.isEmpty()) {
            return null;
        }
        int at = modules.indexOf(module);
        if (at >= 0 && at + 1 < modules.size()) {
            BatchNorm next = batchNormAt(modules.get(at + 1), map);
            if (next != null) {
                return next;
            }
        }
        int lastDot = module.lastIndexOf('.');
        String last = module.substring(lastDot + 1);
        if (last.contains("conv")) {
            return batchNormAt(module.substring(0, lastDot + 1) + last.replace("conv", "bn"), map);
        }
        return null;
    }

    private BatchNorm batchNormAt(String next, LinearMap map) {
        double[] mean = vector(next + ".running_mean", map.outputs());
        double[] var = vector(next + ".running_var", map.outputs());
        if (mean == null || var == null) {
            return null;
        }
        double[] gamma = vector(next + ".weight", map.outputs());
        double[] beta = vector(next + ".bias", map.outputs());
        if (gamma == null) {
            // affine=False BatchNorm: no learned scale.
            gamma = new double[map.outputs()];
            java.util.Arrays.fill(gamma, 1.0);
        }
        if (beta == null) {
            beta = new double[map.outputs()];
        }
        return new BatchNorm(next, gamma, beta, mean, var, DEFAULT_EPS);
    }

    private double[] vector(String name, int length) {
        Tensor tensor = tensors.get(name);
        if (tensor == null || tensor.shape().length != 1 || tensor.shape()[0] != length) {
            return null;
        }
        return tensor.values();
    }
}
