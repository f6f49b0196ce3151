package org.svrgraph.reader;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.LinearMap;

/**
 * Finds the BatchNorm that follows a map in a PyTorch-style state dict: the module right after the
 * map's module in module order (such as {@code features.1} after {@code features.0.weight}) when
 * it has 1-D {@code running_mean} and {@code running_var}, and optionally {@code weight} (gamma) and
 * {@code bias} (beta), one entry per output channel of the map.
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

    /** Returns the BatchNorm that follows the map, or null when the next module is not one. */
    BatchNorm find(LinearMap map) {
        String module = ModuleOrder.moduleOf(map.name());
        int at = modules.indexOf(module);
        if (module.isEmpty() || at < 0 || at + 1 >= modules.size()) {
            return null;
        }
        String next = modules.get(at + 1);
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
