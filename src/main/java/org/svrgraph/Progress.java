package org.svrgraph;

/** Receives progress of long work: a named stage and how many of its steps are done. */
@FunctionalInterface
public interface Progress {

    /** Progress that goes nowhere. */
    Progress NONE = (stage, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} steps of {@code stage} are complete; called with
     * done = 0 when a stage starts and done = total when it ends.
     */
    void update(String stage, long done, long total);
}
