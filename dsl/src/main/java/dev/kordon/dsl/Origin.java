package dev.kordon.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * Where in the user's Java source an intent was declared, for messages that point back to it.
 *
 * <p>Two origins are always equal: where an intent was written is not part of what it means, so moving a line
 * never changes a policy set's value, its generated output or its hash.
 */
public final class Origin {

    private static final Origin UNKNOWN = new Origin("", 0);
    private static final String DSL_PACKAGE = Origin.class.getPackageName() + ".";
    private static final java.util.Set<String> DSL_CLASSES = java.util.Set.of(
            "Steps", "Kordon", "Workload", "Connection", "Isolation", "Origin", "PolicySet");

    private final String file;
    private final int line;

    private Origin(String file, int line) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    /** An origin that names no place, for intents built directly from model constructors. */
    public static Origin unknown() {
        return UNKNOWN;
    }

    /** An origin at the given source file and line. */
    public static Origin of(String file, int line) {
        return new Origin(file, line);
    }

    /** The first stack frame outside this DSL package: the user's line that declared the intent. */
    static Origin capture() {
        return StackWalker.getInstance()
                .walk(frames -> frames
                        .filter(frame -> !isDslFrame(frame.getClassName()))
                        .findFirst()
                        .map(frame -> new Origin(
                                frame.getFileName() == null ? frame.getClassName() : frame.getFileName(),
                                Math.max(frame.getLineNumber(), 0)))
                        .orElse(UNKNOWN));
    }

    private static boolean isDslFrame(String className) {
        if (!className.startsWith(DSL_PACKAGE)) {
            return false;
        }
        String simple = className.substring(DSL_PACKAGE.length());
        int nested = simple.indexOf('$');
        return DSL_CLASSES.contains(nested < 0 ? simple : simple.substring(0, nested));
    }

    /** The place as {@code File.java:42}, or empty when unknown. */
    public Optional<String> location() {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(line > 0 ? file + ":" + line : file);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Origin;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return location().orElse("unknown origin");
    }
}
