package org.svrgraph.storage;

/**
 * A database failure the user can act on (unreachable server, wrong password, locked data
 * directory, unknown model), printed as one line without a stack trace.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
