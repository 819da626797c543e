package dev.kordon.dsl;

/**
 * Every protocol and every port, including ICMP and protocols without ports: {@code anyTraffic()}. Meant for
 * guardrails such as "deny everything to 169.254.169.254"; allows should name their ports.
 */
public record AnyTraffic() implements PortMatch {

    @Override
    public boolean isTcpOnly() {
        return false;
    }

    @Override
    public boolean mayOverlap(PortMatch other) {
        return true;
    }

    @Override
    public String toString() {
        return "any";
    }
}
