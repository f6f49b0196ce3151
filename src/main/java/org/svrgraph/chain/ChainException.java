package org.svrgraph.chain;

/** Thrown when weight tensors do not form a valid chain of linear maps. */
public class ChainException extends IllegalArgumentException {
    public ChainException(String message) {
        super(message);
    }
}
