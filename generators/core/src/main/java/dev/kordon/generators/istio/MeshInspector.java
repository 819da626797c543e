package dev.kordon.generators.istio;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Condition;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Tier;
import dev.kordon.generators.Backend.Finding;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Support;
import dev.kordon.generators.manifest.Subjects;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data-dependent findings of the mesh layer: what the capabilities cannot see from features alone, such as a
 * selector that is not matchLabels, a named port no destination declares, a glob with {@code *} in the middle, a
 * guardrail whose place in the tier order the mesh cannot keep, or a source the mesh can only match wider than
 * declared where that would lend this intent's requests to another intent's sources ({@link SourceWidening}).
 */
final class MeshInspector {

    private final PolicySet set;
    private final String rootNamespace;
    private final String trustDomain;

    MeshInspector(PolicySet set, String rootNamespace, String trustDomain) {
        this.set = set;
        this.rootNamespace = rootNamespace;
        this.trustDomain = trustDomain;
    }

    List<Finding> inspect(Intent intent) {
        Set<Finding> findings = new LinkedHashSet<>();
        if (intent instanceof Isolation) {
            Isolation isolation = (Isolation) intent;
            if (isolation.directions().contains(Direction.INGRESS)) {
                subjects(isolation.subjects(), findings);
            }
            return List.copyOf(findings);
        }
        Connection connection = (Connection) intent;
        egressRequests(connection, findings);
        guardrailOrder(connection, findings);
        Optional<MeshAction> action = MeshAction.of(connection);
        if (action.isPresent()) {
            subjects(connection.destinations(), findings);
            ports(connection, action.get(), findings);
            MeshRequests.problems(connection.http(), connection.conditions(), connection.action())
                    .forEach(problem -> findings.add(finding(problem)));
            new SourceWidening(set, trustDomain).check(connection, action.get())
                    .forEach(problem -> findings.add(finding(problem)));
        }
        return List.copyOf(findings);
    }

    /**
     * HTTP rules and request conditions at the egress side, which the mesh cannot check there. A deny or audit whose
     * destinations are all pods is covered by its policy at the destinations, since both sides see the same flows; an
     * allow is not, since another allow at the destination (in any policy set) may admit requests that this intent's
     * egress side would refuse.
     */
    private static void egressRequests(Connection connection, Set<Finding> findings) {
        if (!connection.effectiveSides().contains(Direction.EGRESS) || !connection.isL7()) {
            return;
        }
        boolean coveredAtDestination = MeshAction.of(connection).filter(action -> action != MeshAction.ALLOW)
                .isPresent() && connection.destinations().stream().allMatch(Peer::isPods);
        if (coveredAtDestination) {
            return;
        }
        Support support = Support.downgraded(Fidelity.UNSUPPORTED, "Istio checks HTTP rules and request conditions"
                + " only at the destination: at the source's egress side every request on the intent's ports is "
                + switch (connection.action()) {
                    case ALLOW -> "allowed, which another allow at the destination may then admit";
                    case AUDIT -> "left unrecorded";
                    case DENY, PASS -> "let through";
                },
                "enforce the HTTP rules and conditions at the destination only (.onlyIngress(), or"
                        + " DEST.accepts(GET(...)).from(SOURCE)), or accept Downgrade.L4_ONLY",
                Downgrade.L4_ONLY);
        if (!connection.http().isEmpty()) {
            findings.add(new Finding(Feature.HTTP_EGRESS, support));
        }
        for (Condition condition : connection.conditions()) {
            findings.add(new Finding(condition instanceof Condition.RequestPrincipal ? Feature.REQUEST_PRINCIPAL
                    : Feature.JWT_CLAIM, support));
        }
    }

    /** Guardrails at ingress whose place in the tier order an Istio policy cannot keep. */
    private void guardrailOrder(Connection connection, Set<Finding> findings) {
        if (!connection.isGuardrail() || !connection.effectiveSides().contains(Direction.INGRESS)) {
            return;
        }
        Feature feature = Feature.valueOf(connection.tier().name() + "_" + connection.action().name());
        if (connection.tier() == Tier.ADMIN && connection.action() == Action.ALLOW) {
            findings.add(new Finding(feature, new Support(Fidelity.NARROWED, "an admin allow at ingress must let its"
                    + " flows through whatever the application tier says, but an Istio ALLOW policy cannot let traffic"
                    + " through without making its workload default deny, and any application allow (in any policy set)"
                    + " does that: the mesh would deny these flows there", "enforce the guardrail at the source"
                    + " (egressFrom(...)), where it is the CNI layer's, or state the access as application allows at the"
                    + " destinations", List.of())));
        } else if (connection.isL7() && connection.action() != Action.AUDIT
                && (connection.tier() == Tier.BASELINE || connection.action() == Action.PASS)) {
            findings.add(new Finding(feature, Support.unsupported("an Istio policy has no tier: with HTTP rules or"
                    + " conditions this " + connection.tier() + " " + connection.action() + " would apply whatever the"
                    + " application tier (and, for a pass, the rest of the admin tier) decides",
                    "leave the HTTP rules and conditions out of the guardrail (it is then the CNI layer's), or state it"
                            + " as an application intent or an admin deny")));
        } else if (connection.tier() == Tier.ADMIN && connection.action() == Action.DENY && connection.isL7()) {
            earlierAdminDecisions(connection, feature, findings);
        }
    }

    /** An admin allow or pass that comes first for some of a mesh DENY's flows, which the DENY would override. */
    private void earlierAdminDecisions(Connection deny, Feature feature, Set<Finding> findings) {
        for (Connection other : set.connections()) {
            if (other.tier() == Tier.ADMIN && other.priority() < deny.priority()
                    && (other.action() == Action.ALLOW || other.action() == Action.PASS)
                    && other.effectiveSides().contains(Direction.INGRESS)
                    && MeshPorts.tcpMayOverlap(deny.ports(), other.ports())
                    && SourceWidening.anyPair(deny.destinations(), other.destinations())) {
                findings.add(new Finding(feature, new Support(Fidelity.NARROWED, "guardrail '" + other.name()
                        + "' (admin " + other.priority() + " " + other.action() + ") comes first for some of these"
                        + " flows, but an Istio DENY has no priority: the mesh would deny requests that it "
                        + (other.action() == Action.ALLOW ? "allows" : "passes to the application tier"),
                        "make the two guardrails disjoint (ports or destinations), or leave the HTTP rules and"
                                + " conditions out of this deny (it is then the CNI layer's)", List.of())));
                return;
            }
        }
    }

    /** Destinations or isolated pods that cannot be the target of an Istio policy. */
    private void subjects(List<Peer> peers, Set<Finding> findings) {
        for (Peer peer : peers) {
            if (peer instanceof Pods && ((Pods) peer).namespaces() instanceof NamespaceScope.Labelled) {
                findings.add(new Finding(Feature.SUBJECT_IN_LABELLED_NAMESPACES, Support.unsupported("an Istio policy"
                        + " applies to one namespace, or from the mesh root namespace to all of them; the namespaces of "
                        + peer + " cannot be selected by their labels", "name the namespaces with inNamespace(...), or"
                        + " use inAnyNamespace()")));
            } else if (peer instanceof ServiceAccountRef) {
                findings.add(serviceAccount((ServiceAccountRef) peer));
            }
            for (MeshSubjects.Unit unit : MeshSubjects.of(set, List.of(peer), rootNamespace)) {
                MeshSubjects.problem(unit, rootNamespace, subjectFeature(peer))
                        .ifPresent(problem -> findings.add(finding(problem)));
            }
        }
    }

    private Finding serviceAccount(ServiceAccountRef account) {
        if (Subjects.workloadsRunningAs(set, account).isEmpty()) {
            return new Finding(Feature.SUBJECT_SERVICE_ACCOUNT, Support.unsupported("no declared workload runs as"
                    + " service account " + account.namespace() + "/" + account.name() + ", so Istio has no workload"
                    + " labels to select it by", "declare its workloads with .withServiceAccount(\"" + account.name()
                    + "\") (in the intents or with workloads(...))"));
        }
        return new Finding(Feature.SUBJECT_SERVICE_ACCOUNT, Support.downgraded(Fidelity.WIDENED, "Istio selects"
                + " workloads by labels, not by service account; the pod labels of the workloads declared with "
                + account.namespace() + "/" + account.name() + " are used, so any pod with those labels is selected"
                + " (wider) and pods with the account that no declared workload selects are not (narrower)",
                "name the workloads as the destination, or accept Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS",
                Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS));
    }

    private static Feature subjectFeature(Peer peer) {
        if (peer instanceof ServiceAccountRef) {
            return Feature.SUBJECT_SERVICE_ACCOUNT;
        }
        if (peer instanceof Pods && ((Pods) peer).namespaces() instanceof NamespaceScope.All) {
            return Feature.SUBJECT_IN_ALL_NAMESPACES;
        }
        return Feature.SUBJECT_IN_NAMED_NAMESPACES;
    }

    private void ports(Connection connection, MeshAction action, Set<Finding> findings) {
        if (action == MeshAction.DENY && MeshPorts.namesEveryTcpPort(connection.ports())) {
            Feature feature = connection.ports().stream().anyMatch(port -> port instanceof AnyTraffic)
                    ? Feature.PORT_ANY_TRAFFIC : Feature.PORT_ALL_OF_PROTOCOL;
            findings.add(new Finding(feature, Support.unsupported("an Istio DENY with HTTP rules or conditions denies"
                    + " every connection on a port it treats as plain TCP; without a list of ports it would deny all of"
                    + " the destination's non-HTTP ports to these sources", "name the HTTP ports, e.g. tcp(8080)")));
        }
        for (MeshSubjects.Unit unit : MeshSubjects.of(set, connection.destinations(), rootNamespace)) {
            for (PortMatch port : connection.ports()) {
                MeshPorts.problem(port, unit).ifPresent(problem -> findings.add(finding(problem)));
            }
        }
    }

    private static Finding finding(MeshProblem problem) {
        return new Finding(problem.feature(), problem.support());
    }
}
