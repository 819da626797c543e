package dev.kordon.simulator.input;

import java.util.ArrayList;
import java.util.List;

/** Collects input problems, so that every one is reported, not just the first. */
public final class Problems {

    private final List<InputProblem> problems = new ArrayList<>();

    /** Records a problem. */
    public void add(String file, String object, String field, String message, String hint) {
        problems.add(new InputProblem(file, object, field, message, hint));
    }

    /** Records a problem about a field of a manifest. */
    public void add(Manifest manifest, String field, String message, String hint) {
        add(manifest.file(), manifest.describe(), field, message, hint);
    }

    /** Whether nothing was recorded. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws an {@link InputException} with every problem, unless there is none. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** Every problem so far. */
    public List<InputProblem> all() {
        return List.copyOf(problems);
    }
}
