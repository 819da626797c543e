package dev.kordon.simulator.generic;

import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import java.util.List;
import java.util.Map;

/** Says why labels do not match a selector, naming the first requirement that fails and the label it saw. */
final class SelectorText {

    private SelectorText() {
    }

    /**
     * {@code what} does not match: e.g. {@code pod y/b does not match {pod=a}: it has pod=b}, or
     * {@code ...: it has no label pod}.
     */
    static String miss(String what, LabelSelector selector, Map<String, String> labels) {
        for (LabelRequirement requirement : selector.requirements()) {
            if (!new LabelSelector(List.of(requirement)).matches(labels)) {
                String key = requirement.key();
                String seen = labels.containsKey(key) ? "it has " + key + "=" + labels.get(key)
                        : "it has no label " + key;
                return what + " does not match " + selector + ": " + seen
                        + (selector.requirements().size() == 1 ? "" : " (wants " + requirement + ")");
            }
        }
        return what + " does not match " + selector;
    }
}
