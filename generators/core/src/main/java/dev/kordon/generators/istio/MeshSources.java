package dev.kordon.generators.istio;

import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code from} of a rule: the sources as the mesh names them (see {@link MeshPeer}). Principals share one source,
 * namespaces another, each CIDR with its exceptions has its own; a peer the mesh cannot restrict leaves {@code from}
 * out, so that the rule matches any source.
 */
final class MeshSources {

    private MeshSources() {
    }

    /** The alternatives of {@code from}, in canonical order; empty when any source matches. */
    static List<AuthorizationPolicy.From> from(PolicySet set, List<Peer> peers, String trustDomain) {
        TreeSet<String> principals = new TreeSet<>();
        TreeSet<String> namespaces = new TreeSet<>();
        List<AuthorizationPolicy.Source> blocks = new ArrayList<>();
        for (Peer peer : peers) {
            MeshPeer mesh = MeshPeer.of(set, peer, trustDomain);
            switch (mesh.form()) {
                case OPEN -> {
                    return List.of();
                }
                case PRINCIPAL -> principals.addAll(mesh.values());
                case NAMESPACE -> namespaces.addAll(mesh.values());
                case IP_BLOCK -> blocks.add(new AuthorizationPolicy.Source(null, null, mesh.values(),
                        mesh.except().stream().sorted().toList()));
            }
        }
        List<AuthorizationPolicy.From> from = new ArrayList<>();
        if (!principals.isEmpty()) {
            from.add(new AuthorizationPolicy.From(new AuthorizationPolicy.Source(List.copyOf(principals), null, null,
                    null)));
        }
        if (!namespaces.isEmpty()) {
            from.add(new AuthorizationPolicy.From(new AuthorizationPolicy.Source(null, List.copyOf(namespaces), null,
                    null)));
        }
        blocks.stream().distinct()
                .sorted(Comparator.comparing((AuthorizationPolicy.Source source) -> source.ipBlocks().get(0))
                        .thenComparing(source -> String.valueOf(source.notIpBlocks())))
                .forEach(source -> from.add(new AuthorizationPolicy.From(source)));
        return from;
    }
}
