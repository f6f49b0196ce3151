package org.svrgraph;

/** The tool's version, read from the jar manifest, with the build's version as fallback. */
public final class Version {

    private static final String FALLBACK = "0.1.0-SNAPSHOT";

    private Version() {
    }

    /** Returns the version string, such as {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : FALLBACK;
    }
}
