package dev.kordon.simulator.calico.model;

import java.util.List;
import java.util.Objects;

/**
 * A rule's {@code http} clause (Application Layer Policy): methods (any when empty, {@code *} matches all) and paths
 * (any when empty), both of which must match; {@link #NONE} when the rule has none.
 *
 * @param present whether the rule has the clause
 * @param methods the methods, compared case-sensitively
 * @param paths   the paths, any of which may match
 */
public record HttpMatch(boolean present, List<String> methods, List<Path> paths) {

    /** The rule has no {@code http} clause. */
    public static final HttpMatch NONE = new HttpMatch(false, List.of(), List.of());

    public HttpMatch {
        methods = List.copyOf(methods);
        paths = List.copyOf(paths);
    }

    /** One path: an exact path or a prefix. */
    public record Path(boolean exact, String value) {
        public Path {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return (exact ? "exact " : "prefix ") + value;
        }
    }

    @Override
    public String toString() {
        return "http" + (methods.isEmpty() ? "" : " methods " + methods) + (paths.isEmpty() ? "" : " paths " + paths);
    }
}
