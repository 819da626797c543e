package dev.kordon.generators.calico;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Backend.Finding;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Calico cannot express in a particular intent, beyond its features: HTTP on a decision other than an allow,
 * label values or keys no Calico selector can hold, and more CIDR exceptions than a rule takes.
 */
final class CalicoFindings {

    private static final int MAX_NOT_NETS = 256;

    private CalicoFindings() {
    }

    static List<Finding> of(Intent intent, Role role) {
        List<Finding> findings = new ArrayList<>();
        List<Peer> peers = intent instanceof Isolation ? ((Isolation) intent).subjects()
                : Stream.concat(((Connection) intent).sources().stream(),
                        ((Connection) intent).destinations().stream()).toList();
        for (Peer peer : peers) {
            selectors(peer, findings);
            if (peer instanceof IpBlock && ((IpBlock) peer).except().size() > MAX_NOT_NETS) {
                findings.add(new Finding(Feature.PEER_CIDR_EXCEPT, Support.unsupported("a Calico rule takes at most "
                        + MAX_NOT_NETS + " notNets, and " + peer.shortName() + " has "
                        + ((IpBlock) peer).except().size() + " exceptions", "split the block into smaller CIDRs")));
            }
        }
        if (intent instanceof Connection) {
            l7Decision((Connection) intent, role).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * Calico matches HTTP in Allow rules only. A deny (without the mesh) or a pass written without its HTTP rules would
     * apply to every request on the intent's ports; an audit may drop them under the accepted L4_ONLY downgrade, and
     * under a mesh the mesh denies and audits the requests itself.
     */
    private static Optional<Finding> l7Decision(Connection connection, Role role) {
        boolean refused = connection.isL7() && (connection.action() == Action.PASS
                || connection.action() == Action.DENY && role != Role.TRANSPORT);
        if (!refused) {
            return Optional.empty();
        }
        Feature feature = Feature.valueOf(connection.tier().name() + "_" + connection.action().name());
        String effect = connection.action() == Action.DENY ? "deny every request on the intent's ports (narrower)"
                : "pass every request on the intent's ports to the next tier, past the guardrails after it";
        return Optional.of(new Finding(feature, Support.unsupported("Calico matches HTTP and request conditions in"
                + " Allow rules only: this " + connection.action() + " would " + effect,
                connection.action() == Action.DENY ? "use calico+istio, or state the access as a narrower allow"
                        : "write the pass without HTTP rules or request conditions, for its peers and ports alone")));
    }

    private static void selectors(Peer peer, List<Finding> findings) {
        List<LabelSelector> selectors = new ArrayList<>();
        Feature feature = Feature.PEER_PODS;
        if (peer instanceof Workload) {
            selectors.add(((Workload) peer).selector());
        } else if (peer instanceof Pods) {
            Pods pods = (Pods) peer;
            selectors.add(pods.selector());
            if (pods.namespaces() instanceof NamespaceScope.Labelled) {
                selectors.add(((NamespaceScope.Labelled) pods.namespaces()).selector());
                feature = Feature.PEER_PODS_IN_LABELLED_NAMESPACES;
            }
        }
        for (LabelSelector selector : selectors) {
            Optional<String> value = CalicoSelector.unwritableValue(selector);
            if (value.isPresent()) {
                findings.add(new Finding(feature, Support.unsupported("a Calico selector string has no escapes, so"
                        + " the value " + value.get() + " (with both \" and ') cannot be written", "change the"
                        + " label value")));
            }
            Optional<String> key = CalicoSelector.unwritableKey(selector);
            if (key.isPresent()) {
                findings.add(new Finding(feature, Support.unsupported("a Calico selector cannot read the label key '"
                        + key.get() + "' (letters, digits, '_', '.', '/' and '-' only)", "change the label key")));
            }
        }
    }
}
