package dev.kordon.codegen.importer;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of one object that the DSL cannot say, collected while the whole object is read, so that the report names
 * every one of them rather than the first. A field reported twice with the same message (an order read for each rule)
 * is kept once.
 */
final class Unexpressed {

    /** A read of part of an object that may find something the DSL cannot say. */
    @FunctionalInterface
    interface Reading<T> {
        T read() throws NotExpressible;
    }

    /** A check of part of an object that may find something the DSL cannot say. */
    @FunctionalInterface
    interface Check {
        void run() throws NotExpressible;
    }

    private final Map<String, NotExpressible> found = new LinkedHashMap<>();

    void add(NotExpressible problem) {
        found.putIfAbsent(problem.field() + '\n' + problem.getMessage(), problem);
    }

    /** The value read, or {@code fallback} when the part cannot be said (and is then collected). */
    <T> T read(Reading<T> reading, T fallback) {
        try {
            return reading.read();
        } catch (NotExpressible e) {
            add(e);
            return fallback;
        }
    }

    void check(Check check) {
        try {
            check.run();
        } catch (NotExpressible e) {
            add(e);
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Reports every collected field against the object, in the order found. */
    void reportTo(Manifest manifest, Problems notImported) {
        found.values().forEach(problem -> notImported.add(manifest, problem.field(), problem.getMessage(),
                problem.fix()));
    }
}
