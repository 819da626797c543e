package dev.kordon.simulator.calico.model;

import dev.kordon.simulator.calico.selector.Selector;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One selector an endpoint must satisfy, with the view it is evaluated in and how messages name it, e.g.
 * {@code namespaceSelector environment == "dev"} or {@code the policy's namespace shop}.
 *
 * @param what     how messages name it
 * @param view     the labels it sees
 * @param selector the selector
 */
public record Conjunct(String what, View view, Selector selector) {

    public Conjunct {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(selector, "selector");
    }

    /** Whether an endpoint with these labels satisfies it. */
    public boolean matches(Map<String, String> labels) {
        return selector.matches(view.over(labels));
    }

    /** Why an endpoint with these labels does not satisfy it; empty when it does. */
    public Optional<String> whyNot(Map<String, String> labels) {
        return selector.whyNot(view.over(labels)).map(why -> what + " does not match: " + why);
    }
}
