package org.svrgraph.spectral;

import java.util.Random;
import org.svrgraph.chain.LinearMap;

/** Random Gaussian weights for tests: the null model of the significance tests. */
final class RandomChains {

    private RandomChains() {
    }

    static double[] gaussian(Random random, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = random.nextGaussian();
        }
        return values;
    }

    static LinearMap fc(Random random, String name, int out, int in) {
        return LinearMap.fullyConnected(name, out, in, gaussian(random, out * in));
    }

    static LinearMap conv(Random random, String name, int out, int in, int kh, int kw) {
        return LinearMap.convolution(name, out, in, kh, kw, gaussian(random, out * in * kh * kw));
    }
}
