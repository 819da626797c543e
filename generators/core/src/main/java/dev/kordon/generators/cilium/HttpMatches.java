package dev.kordon.generators.cilium;

import dev.kordon.dsl.HeaderMatch;
import dev.kordon.dsl.HttpRule;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Cilium HTTP rules of an intent. A model rule allows any of its methods, any of its paths and any of its hosts,
 * with all of its headers; a Cilium rule has one method, one path and one host. So each model rule becomes the
 * rules of every combination, each with all the headers; any of them may match, as any model rule may.
 */
final class HttpMatches {

    private HttpMatches() {
    }

    /** The Cilium rules for the model's rules, in canonical order, without duplicates. */
    static List<PortRuleHttp> of(List<HttpRule> rules) {
        Set<PortRuleHttp> result = new LinkedHashSet<>();
        for (HttpRule rule : rules) {
            List<String> headers = rule.headers().stream().map(HttpMatches::header).toList();
            for (String method : orAny(rule.methods().stream().map(HttpRegex::method).toList())) {
                for (String path : orAny(rule.paths().stream().map(HttpRegex::path).toList())) {
                    for (String host : orAny(rule.hosts().stream().map(HttpRegex::host).toList())) {
                        result.add(new PortRuleHttp(path, method, host, headers));
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * A header in Cilium's form: the name for presence, or the name, a space and the value for an exact value.
     * Cilium splits at the first space and compares the rest literally, so a value may itself contain spaces.
     */
    static String header(HeaderMatch header) {
        return header instanceof HeaderMatch.Equals ? header.name() + " " + ((HeaderMatch.Equals) header).value()
                : header.name();
    }

    /** The values, or a single absent value (no constraint) when there are none. */
    private static List<String> orAny(List<String> values) {
        return values.isEmpty() ? Collections.singletonList(null) : values;
    }
}
