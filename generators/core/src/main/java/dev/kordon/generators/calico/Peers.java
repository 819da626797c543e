package dev.kordon.generators.calico;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The other side of a rule as Calico entity rules, for a policy in a namespace (a {@code NetworkPolicy}) or in none
 * (a {@code GlobalNetworkPolicy}, whose rules without a {@code namespaceSelector} would reach every namespace).
 *
 * <ul>
 *   <li>Pods: {@code selector} pinned to Kubernetes pods, plus a {@code namespaceSelector} unless they are in the
 *       policy's own namespace ({@code projectcalico.org/name == "ns"} for namespaces by name).</li>
 *   <li>A service account: {@code serviceAccounts.names}, in its namespace.</li>
 *   <li>A CIDR block: {@code nets}, its exceptions {@code notNets}.</li>
 *   <li>The world (downgrade accepted): {@code 0.0.0.0/0} and {@code ::/0}, one rule each, since a rule holds one IP
 *       family.</li>
 *   <li>Anywhere: no peer at all.</li>
 * </ul>
 */
final class Peers {

    private Peers() {
    }

    /** One entity rule per alternative; {@link EntityRule#ANY} alone when one of the peers is anywhere. */
    static List<EntityRule> of(List<Peer> peers, String policyNamespace) {
        if (peers.contains(Entity.ANYWHERE)) {
            return List.of(EntityRule.ANY);
        }
        List<EntityRule> rules = new ArrayList<>();
        for (Peer peer : peers) {
            rules.addAll(of(peer, policyNamespace));
        }
        return rules.stream().distinct().toList();
    }

    private static List<EntityRule> of(Peer peer, String policyNamespace) {
        if (peer instanceof Workload) {
            Workload workload = (Workload) peer;
            return List.of(pods(new NamespaceScope.Named(List.of(workload.namespace())), workload.selector(),
                    policyNamespace));
        }
        if (peer instanceof Pods) {
            return List.of(pods(((Pods) peer).namespaces(), ((Pods) peer).selector(), policyNamespace));
        }
        if (peer instanceof ServiceAccountRef) {
            ServiceAccountRef account = (ServiceAccountRef) peer;
            return List.of(new EntityRule(null, null, CalicoSelector.KUBERNETES_PODS,
                    namespaceSelector(new NamespaceScope.Named(List.of(account.namespace())), policyNamespace), null,
                    new EntityRule.ServiceAccounts(List.of(account.name()), null)));
        }
        if (peer instanceof IpBlock) {
            IpBlock block = (IpBlock) peer;
            return List.of(new EntityRule(List.of(block.cidr().notation()),
                    block.except().stream().map(Cidr::notation).toList(), null, null, null, null));
        }
        if (peer == Entity.WORLD) {
            return List.of(nets("0.0.0.0/0"), nets("::/0"));
        }
        throw new IllegalStateException("Calico cannot express the peer " + peer
                + "; the fidelity check should have refused it");
    }

    private static EntityRule pods(NamespaceScope scope, LabelSelector selector, String policyNamespace) {
        return new EntityRule(null, null, CalicoSelector.kubernetesPods(CalicoSelector.of(selector)),
                namespaceSelector(scope, policyNamespace), null, null);
    }

    /** {@code null} (the policy's own namespace) when the pods are exactly there, else the namespaces' selector. */
    private static String namespaceSelector(NamespaceScope scope, String policyNamespace) {
        boolean own = scope instanceof NamespaceScope.Named && !policyNamespace.isEmpty()
                && ((NamespaceScope.Named) scope).names().equals(List.of(policyNamespace));
        return own ? null : Placement.namespaces(scope);
    }

    private static EntityRule nets(String cidr) {
        return new EntityRule(List.of(cidr), null, null, null, null, null);
    }
}
