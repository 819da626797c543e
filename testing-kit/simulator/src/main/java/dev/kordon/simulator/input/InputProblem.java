package dev.kordon.simulator.input;

import java.util.Objects;

/**
 * One thing wrong with the simulator's input: the file, the object in it, the field, what is wrong and how to fix it.
 *
 * @param file    the file, as given
 * @param object  the object, e.g. {@code NetworkPolicy x/allow-web} or {@code document 3}, or empty
 * @param field   the path of the field in the object, e.g. {@code spec.ingress[0].from[1]}, or empty
 * @param message what is wrong, quoting the value
 * @param hint    what to do
 */
public record InputProblem(String file, String object, String field, String message, String hint) {

    public InputProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (!object.isEmpty()) {
            text.append(": ").append(object);
        }
        if (!field.isEmpty()) {
            text.append(": ").append(field);
        }
        text.append(": ").append(message);
        if (!hint.isEmpty()) {
            text.append("\n  fix: ").append(hint);
        }
        return text.toString();
    }
}
