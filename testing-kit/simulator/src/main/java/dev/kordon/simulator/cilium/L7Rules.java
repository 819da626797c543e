package dev.kordon.simulator.cilium;

import java.util.List;

/** The L7 rules of a port rule: HTTP (Envoy) or DNS (Cilium's DNS proxy); a request passes if any rule matches. */
sealed interface L7Rules permits L7Rules.Http, L7Rules.Dns {

    /** {@code rules.http}: the requests allowed. */
    record Http(List<HttpRule> rules) implements L7Rules {
        public Http {
            rules = List.copyOf(rules);
        }
    }

    /** {@code rules.dns}: the names the DNS proxy answers for. */
    record Dns(List<FqdnMatcher> rules) implements L7Rules {
        public Dns {
            rules = List.copyOf(rules);
        }
    }
}
