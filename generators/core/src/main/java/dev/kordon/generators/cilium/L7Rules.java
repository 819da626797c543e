package dev.kordon.generators.cilium;

import java.util.List;

/**
 * The {@code rules} of a {@link PortRule}: HTTP or DNS, never both (Cilium rejects two L7 types on one port).
 *
 * @param http requests that are allowed, any of which may match
 * @param dns  names that may be looked up (egress on port 53 only)
 */
public record L7Rules(List<PortRuleHttp> http, List<FqdnSelector> dns) {

    public L7Rules {
        http = Lists.orNull(http);
        dns = Lists.orNull(dns);
        if ((http == null) == (dns == null)) {
            throw new IllegalArgumentException("exactly one L7 type per port rule");
        }
    }

    /** HTTP rules. */
    static L7Rules http(List<PortRuleHttp> rules) {
        return new L7Rules(rules, null);
    }

    /** DNS rules. */
    static L7Rules dns(List<FqdnSelector> rules) {
        return new L7Rules(null, rules);
    }
}
