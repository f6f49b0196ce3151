package org.svrgraph.reader.pytorch;

/**
 * A Python class or function that a pickle referenced, as data: the unpickler never loads or runs
 * it, it only dispatches the few allowed names to Java code in {@link AllowedGlobals}.
 */
record PickleGlobal(String module, String name) {

    /** Returns the dotted name, such as {@code collections.OrderedDict}. */
    String qualifiedName() {
        return module + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
