package dev.kordon.simulator.cilium;

import java.util.regex.Pattern;

/** Field paths in explanations: relative to the rule item they belong to, which the step already names. */
final class Paths {

    private static final Pattern ITEM = Pattern.compile(
            "^(spec|specs\\[\\d+])\\.(ingress|ingressDeny|egress|egressDeny)\\[\\d+]\\.");

    private Paths() {
    }

    /** {@code spec.ingress[0].toPorts[1].ports[0]} → {@code toPorts[1].ports[0]}. */
    static String relative(String path) {
        return ITEM.matcher(path).replaceFirst("");
    }
}
