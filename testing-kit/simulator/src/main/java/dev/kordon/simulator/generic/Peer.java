package dev.kordon.simulator.generic;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.LabelSelector;
import java.util.List;
import java.util.Objects;

/**
 * One peer of a rule, the other end of the traffic (the source of ingress, the destination of egress). Each keeps
 * the text it was written as, for explanations.
 */
sealed interface Peer permits Peer.Pods, Peer.Addresses, Peer.Nodes, Peer.DomainNames, Peer.FailClosed {

    /** The peer as written, e.g. {@code namespaceSelector {team=a}}. */
    String text();

    /** Where the pods of a {@link Pods} peer may live. */
    sealed interface Namespaces permits SameNamespace, SelectedNamespaces {
    }

    /** Only the namespace of the policy (a NetworkPolicy peer with just a podSelector). */
    record SameNamespace(String name) implements Namespaces {
        public SameNamespace {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Every namespace whose labels match. */
    record SelectedNamespaces(LabelSelector selector) implements Namespaces {
        public SelectedNamespaces {
            Objects.requireNonNull(selector, "selector");
        }
    }

    /** Pods (never host-network ones) matching {@code pods} in the {@code namespaces}. */
    record Pods(Namespaces namespaces, LabelSelector pods, String text) implements Peer {
        public Pods {
            Objects.requireNonNull(namespaces, "namespaces");
            Objects.requireNonNull(pods, "pods");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Addresses in any of the {@code cidrs} and in none of the {@code except} (ipBlock, networks). */
    record Addresses(List<Cidr> cidrs, List<Cidr> except, String text) implements Peer {
        public Addresses {
            cidrs = List.copyOf(cidrs);
            except = List.copyOf(except);
            Objects.requireNonNull(text, "text");
        }
    }

    /** The addresses of the nodes whose labels match. */
    record Nodes(LabelSelector nodes, String text) implements Peer {
        public Nodes {
            Objects.requireNonNull(nodes, "nodes");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Destinations reached by a DNS name matching one of the names ({@code *.} matches one or more labels). */
    record DomainNames(List<String> names, String text) implements Peer {
        public DomainNames {
            names = List.copyOf(names);
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A peer that sets no field this simulator knows (the input also has a problem for it): it matches nothing; a
     * cluster-wide Deny or Pass rule holding one fails closed and denies everything.
     */
    record FailClosed(String text) implements Peer {
        public FailClosed {
            Objects.requireNonNull(text, "text");
        }
    }
}
