package dev.kordon.build;

/**
 * A build that cannot run as configured: a missing class directory, no policy set provider, an unknown target or
 * policy set, a cluster file with problems. The message names the element and says what to do.
 */
public final class BuildException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem and its fix, written as {@code problem\n  fix: fix}. */
    public BuildException(String problem, String fix) {
        super(problem + "\n  fix: " + fix);
    }
}
