package org.svrgraph.reader.graph;

import java.util.List;
import java.util.Objects;
import org.svrgraph.chain.BatchNorm;
import org.svrgraph.chain.LinearMap;

/**
 * One operation of a computation graph, reduced to what the chain needs: which tensors it reads and
 * writes, and whether it is a linear map, a BatchNorm or something else.
 *
 * @param name the operation's name in the file, for messages
 * @param inputs names of the tensors it reads; names that no operation writes (weights, graph inputs)
 *     are allowed and ignored
 * @param outputs names of the tensors it writes
 * @param role what the operation is for the chain
 * @param map the linear map in PyTorch layout when the role is {@link Role#MAP}, else null
 * @param batchNorm the BatchNorm parameters when the role is {@link Role#BATCH_NORM}, else null
 * @param skipReason why a linear operation was not turned into a map (such as a grouped
 *     convolution), or null
 */
public record GraphOp(String name, List<String> inputs, List<String> outputs, Role role, LinearMap map,
        BatchNorm batchNorm, String skipReason) {

    /** The part an operation plays in the chain. */
    public enum Role {
        /** A linear map (fully connected or convolution) that becomes part of the chain. */
        MAP,
        /** A BatchNorm that attaches to the map it follows. */
        BATCH_NORM,
        /**
         * A one-input element-wise activation (ReLU, sigmoid, dropout, identity). A BatchNorm after it
         * still attaches to the map before it.
         */
        ELEMENTWISE,
        /** Anything else: pooling, reshape, addition, and linear operations that were skipped. */
        OTHER
    }

    public GraphOp {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(role, "role");
        if ((role == Role.MAP) != (map != null) || (role == Role.BATCH_NORM) != (batchNorm != null)) {
            throw new IllegalArgumentException("Operation '" + name + "' with role " + role
                    + " must carry exactly the payload of its role");
        }
    }

    /** Creates a linear map operation. */
    public static GraphOp map(String name, List<String> inputs, List<String> outputs, LinearMap map) {
        return new GraphOp(name, inputs, outputs, Role.MAP, map, null, null);
    }

    /** Creates a BatchNorm operation. */
    public static GraphOp batchNorm(String name, List<String> inputs, List<String> outputs, BatchNorm norm) {
        return new GraphOp(name, inputs, outputs, Role.BATCH_NORM, null, norm, null);
    }

    /** Creates a one-input element-wise operation. */
    public static GraphOp elementwise(String name, List<String> inputs, List<String> outputs) {
        return new GraphOp(name, inputs, outputs, Role.ELEMENTWISE, null, null, null);
    }

    /** Creates an operation that is neither a map nor a BatchNorm. */
    public static GraphOp other(String name, List<String> inputs, List<String> outputs) {
        return new GraphOp(name, inputs, outputs, Role.OTHER, null, null, null);
    }

    /** Creates a linear operation that could not become a map, with the reason. */
    public static GraphOp skipped(String name, List<String> inputs, List<String> outputs, String reason) {
        return new GraphOp(name, inputs, outputs, Role.OTHER, null, null, reason);
    }
}
