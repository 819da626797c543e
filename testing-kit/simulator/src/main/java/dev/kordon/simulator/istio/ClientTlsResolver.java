package dev.kordon.simulator.istio;

import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TLS a client's proxy may originate to a destination pod, from the DestinationRules it sees. A client reaches a
 * pod through one of the pod's Services, which the cluster model does not list: so every Service host a rule names in
 * the pod's namespace is a possible route, and so is any other Service of it. For each, Istio takes the most specific
 * matching rule of the client's namespace, else of the Service's namespace (if exported), else of the root namespace.
 * More than one possible setting leaves the verdict to the settings' agreement.
 */
final class ClientTlsResolver {

    /** A TLS setting the client may use, and why. */
    record Candidate(ClientTls tls, String because) {
    }

    private final List<DestinationRuleTls> rules;
    private final String rootNamespace;

    ClientTlsResolver(List<DestinationRuleTls> rules, String rootNamespace) {
        this.rules = rules.stream().sorted(Comparator.comparing(DestinationRuleTls::resource)).toList();
        this.rootNamespace = rootNamespace;
    }

    /** Every setting the client may use towards the destination, in a stable order. */
    List<Candidate> candidates(Pod client, Pod destination) {
        String namespace = destination.namespace();
        List<String> hosts = new ArrayList<>();
        hosts.add("");
        rules.stream().filter(rule -> rule.namesServiceIn(namespace)).map(DestinationRuleTls::host).distinct().sorted()
                .forEach(hosts::add);
        Map<ClientTls, String> settings = new LinkedHashMap<>();
        for (String host : hosts) {
            String service = !host.isEmpty() ? host : hosts.size() > 1 ? "the other Services of " + namespace
                    : "the Services of " + namespace;
            List<DestinationRuleTls> chosen = chosen(client, namespace, host);
            if (chosen.isEmpty()) {
                merge(settings, ClientTls.AUTO, "auto mTLS for " + service + " (no DestinationRule sets its TLS)");
            }
            for (DestinationRuleTls rule : chosen) {
                for (ClientTls tls : rule.settings()) {
                    merge(settings, tls, tls == ClientTls.AUTO ? "auto mTLS for " + rule.host() + " (" + rule.resource()
                            + " sets no TLS mode)" : rule.resource() + " sets " + tls + " for " + rule.host());
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        settings.forEach((tls, because) -> candidates.add(new Candidate(tls, because)));
        return candidates;
    }

    private static void merge(Map<ClientTls, String> settings, ClientTls tls, String because) {
        settings.merge(tls, because, (old, added) -> old + ", " + added);
    }

    private List<DestinationRuleTls> chosen(Pod client, String namespace, String host) {
        for (List<DestinationRuleTls> tier : tiers(client, namespace)) {
            List<DestinationRuleTls> matching = tier.stream().filter(rule -> rule.covers(host, namespace)).toList();
            if (!matching.isEmpty()) {
                int best = matching.stream().mapToInt(DestinationRuleTls::specificity).max().orElse(0);
                return matching.stream().filter(rule -> rule.specificity() == best).toList();
            }
        }
        return List.of();
    }

    private List<List<DestinationRuleTls>> tiers(Pod client, String namespace) {
        List<List<DestinationRuleTls>> tiers = new ArrayList<>();
        tiers.add(rules.stream().filter(rule -> rule.namespace().equals(client.namespace()))
                .filter(rule -> new WorkloadScope.Selector(rule.workloadSelector()).selects(client.labels())).toList());
        if (!namespace.equals(client.namespace())) {
            tiers.add(rules.stream().filter(rule -> rule.namespace().equals(namespace)
                    && rule.visibleTo(client.namespace())).toList());
        }
        if (!rootNamespace.equals(client.namespace()) && !rootNamespace.equals(namespace)) {
            tiers.add(rules.stream().filter(rule -> rule.namespace().equals(rootNamespace)
                    && rule.visibleTo(client.namespace())).toList());
        }
        return tiers;
    }
}
