package dev.kordon.simulator.cilium;

import dev.kordon.dsl.Cidr;
import java.util.List;
import java.util.Objects;

/** One peer of a rule's L3 part: endpoints by labels, an entity, a CIDR (with exceptions), or DNS names. */
sealed interface Peer permits Peer.Endpoints, Peer.Entities, Peer.CidrSet, Peer.Fqdn {

    /** Where it is written, e.g. {@code fromEndpoints[1]}. */
    String field();

    /** {@code fromEndpoints}/{@code toEndpoints} items (and Kubernetes NetworkPolicy pod/namespace peers). */
    record Endpoints(String field, EndpointSelector selector) implements Peer {
        public Endpoints {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(selector, "selector");
        }

        @Override
        public String toString() {
            return field + " " + selector;
        }
    }

    /** {@code fromEntities}/{@code toEntities} items. */
    record Entities(String field, Entity entity) implements Peer {
        public Entities {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(entity, "entity");
        }

        @Override
        public String toString() {
            return field + " " + entity;
        }
    }

    /** {@code fromCIDR}/{@code fromCIDRSet}/{@code toCIDR}/{@code toCIDRSet} items (and NetworkPolicy ipBlocks). */
    record CidrSet(String field, Cidr cidr, List<Cidr> except) implements Peer {
        public CidrSet {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(cidr, "cidr");
            except = List.copyOf(except);
        }

        @Override
        public String toString() {
            return field + " " + cidr + (except.isEmpty() ? "" : " except " + String.join(", ",
                    except.stream().map(Cidr::toString).toList()));
        }
    }

    /** {@code toFQDNs} items. */
    record Fqdn(String field, FqdnMatcher matcher) implements Peer {
        public Fqdn {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(matcher, "matcher");
        }

        @Override
        public String toString() {
            return field + " " + matcher;
        }
    }
}
