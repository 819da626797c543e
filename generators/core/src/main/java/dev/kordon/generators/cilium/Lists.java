package dev.kordon.generators.cilium;

import java.util.List;

/** List helpers for the manifest records, whose absent lists are {@code null} so that the YAML leaves them out. */
final class Lists {

    private Lists() {
    }

    /** An immutable copy, or {@code null} when absent or empty. */
    static <T> List<T> orNull(List<T> list) {
        return list == null || list.isEmpty() ? null : List.copyOf(list);
    }
}
