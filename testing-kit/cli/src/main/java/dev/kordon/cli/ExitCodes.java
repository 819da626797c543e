package dev.kordon.cli;

/** The exit codes of every kordon command. */
final class ExitCodes {

    /** Everything loaded and every policy set is valid. */
    static final int OK = 0;

    /** A policy set is invalid; its problems were printed. */
    static final int INVALID = 1;

    /** {@code kordon diff}: the two manifest sets allow different connections; the differences were printed. */
    static final int DIFFERENT = 1;

    /** The input cannot be used: a classpath entry, a provider or a name is wrong (also picocli's usage errors). */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
