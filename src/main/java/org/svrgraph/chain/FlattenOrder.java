package org.svrgraph.chain;

/**
 * Order in which a framework flattens a conv feature map (C channels, H x W positions) into the
 * input vector of the first fully connected map after it.
 */
public enum FlattenOrder {
    /** PyTorch order (C, H, W): input index = channel * positions + position. */
    CHANNELS_FIRST,
    /** TensorFlow and Keras order (H, W, C): input index = position * channels + channel. */
    CHANNELS_LAST;

    /** Returns the input index of a (channel, position) pair of a feature map. */
    public int inputIndex(int channel, int position, int channels, int positions) {
        return this == CHANNELS_FIRST ? channel * positions + position : position * channels + channel;
    }
}
