package org.svrgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;

/**
 * A weight chain with the shapes of torchvision's VGG16 and independent standard Gaussian weights:
 * 13 convolutions 3 x 3 on 3 input channels, then fully connected 25088 -> 4096 -> 4096 -> 1000
 * (25088 = 512 channels x 7 x 7 positions, flattened channels-first as PyTorch does).
 */
public final class Vgg16Chain {

    /** Output channels of the 13 convolutions, in torchvision's order. */
    static final int[] CONV_CHANNELS = {64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512};

    /** Names of the convolutions as the VGG paper numbers them (block_index). */
    static final String[] CONV_NAMES = {"conv1_1", "conv1_2", "conv2_1", "conv2_2", "conv3_1", "conv3_2", "conv3_3",
        "conv4_1", "conv4_2", "conv4_3", "conv5_1", "conv5_2", "conv5_3"};

    /** Spatial positions of the last feature map: 7 x 7 after five poolings of a 224 x 224 input. */
    static final int FINAL_POSITIONS = 49;

    /** Widths of the fully connected maps after the convolutions. */
    static final int[] FC_OUTPUTS = {4096, 4096, 1000};

    /** Number of linear maps in the whole chain. */
    public static final int MAP_COUNT = CONV_CHANNELS.length + FC_OUTPUTS.length;

    private Vgg16Chain() {
    }

    /**
     * Builds the first {@code layers} maps of the chain (1 to 16) with weights drawn from the seed.
     *
     * @throws IllegalArgumentException when {@code layers} is outside 1 to 16
     */
    public static WeightChain random(int layers, long seed) {
        if (layers < 1 || layers > MAP_COUNT) {
            throw new IllegalArgumentException("--layers must be between 1 and " + MAP_COUNT + ", got " + layers);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<LinearMap> maps = new ArrayList<>();
        int inputs = 3;
        for (int l = 0; l < CONV_CHANNELS.length && maps.size() < layers; l++) {
            int outputs = CONV_CHANNELS[l];
            maps.add(LinearMap.convolution(CONV_NAMES[l], outputs, inputs, 3, 3,
                    gaussian(random, outputs * inputs * 9)));
            inputs = outputs;
        }
        inputs *= FINAL_POSITIONS;
        for (int l = 0; l < FC_OUTPUTS.length && maps.size() < layers; l++) {
            int outputs = FC_OUTPUTS[l];
            maps.add(LinearMap.fullyConnected("fc" + (l + 1), outputs, inputs,
                    gaussian(random, Math.multiplyExact(outputs, inputs))));
            inputs = outputs;
        }
        return new WeightChain(maps);
    }

    private static double[] gaussian(SplittableRandom random, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = random.nextGaussian();
        }
        return values;
    }
}
