package dev.kordon.generators.cnp;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Backend.Finding;
import dev.kordon.generators.Feature;
import dev.kordon.generators.Fidelity;
import dev.kordon.generators.Role;
import dev.kordon.generators.Support;
import dev.kordon.generators.manifest.Subjects;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The findings about a guardrail that depend on its data rather than on its features alone, for the
 * network-policy-api's kinds: ingress sources that are not pods, service accounts no declared workload runs as, named
 * ports without a known protocol or towards addresses, the API's limits, and HTTP guardrails that cannot be split
 * between L3/L4 and a mesh.
 */
public final class GuardrailInspector {

    private static final int NETWORKS_PER_PEER = 25;

    private final String api;
    private final int maxPeers;
    private final int maxPorts;
    private final boolean namedPorts;

    /**
     * @param api        the kind named in reasons, e.g. {@code ClusterNetworkPolicy}
     * @param maxPeers   the most peers one rule may have
     * @param maxPorts   the most port or protocol entries one rule may have
     * @param namedPorts whether the backend writes named ports (if not, its capabilities refuse them)
     */
    public GuardrailInspector(String api, int maxPeers, int maxPorts, boolean namedPorts) {
        this.api = api;
        this.maxPeers = maxPeers;
        this.maxPorts = maxPorts;
        this.namedPorts = namedPorts;
    }

    /**
     * Whether a backend of this API writes anything for the intent in this role: a guardrail that is not an audit
     * (never recorded) and, under a mesh, not a deny of HTTP requests (the mesh denies those).
     */
    public static boolean rendered(Intent intent, Role role) {
        if (!(intent instanceof Connection) || !((Connection) intent).isGuardrail()) {
            return false;
        }
        Connection guardrail = (Connection) intent;
        return guardrail.action() != Action.AUDIT
                && !(role == Role.TRANSPORT && guardrail.isL7() && guardrail.action() == Action.DENY);
    }

    /**
     * Fails when a layer of this API is given an intent that is not a guardrail: its capabilities refuse those, so
     * reaching a writer with one is a bug.
     */
    public static void requireGuardrail(Intent intent, String api) {
        if (!(intent instanceof Connection) || !((Connection) intent).isGuardrail()) {
            throw new IllegalStateException(api + " takes guardrails only, but was given " + intent.name()
                    + "; the fidelity check should have refused it");
        }
    }

    /** Every data-dependent finding about the intent; empty for intents this API writes nothing for. */
    public List<Finding> inspect(PolicySet set, Intent intent, Role role) {
        if (!rendered(intent, role)) {
            return List.of();
        }
        Connection guardrail = (Connection) intent;
        if (role == Role.TRANSPORT && guardrail.isL7()) {
            return List.of(unsplittable(guardrail)); // an allow or a pass: a deny of requests is the mesh's alone
        }
        List<Finding> findings = new ArrayList<>();
        for (Direction side : guardrail.effectiveSides()) {
            boolean egress = side == Direction.EGRESS;
            List<Peer> subjects = egress ? guardrail.sources() : guardrail.destinations();
            List<Peer> peers = egress ? guardrail.destinations() : guardrail.sources();
            serviceAccounts(set, subjects, Feature.SUBJECT_SERVICE_ACCOUNT, findings);
            serviceAccounts(set, peers, Feature.PEER_SERVICE_ACCOUNT, findings);
            if (!egress) {
                ingressSources(guardrail, findings);
            }
            if (namedPorts) {
                namedPorts(guardrail, egress && peers.stream().anyMatch(peer -> !peer.isPods()), findings);
            }
            limits(set, guardrail, side, peers, findings);
        }
        return findings.stream().distinct().toList();
    }

    private void serviceAccounts(PolicySet set, List<Peer> peers, Feature feature, List<Finding> findings) {
        for (Peer peer : peers) {
            if (peer instanceof ServiceAccountRef && Subjects.workloadsRunningAs(set, (ServiceAccountRef) peer).isEmpty()) {
                ServiceAccountRef account = (ServiceAccountRef) peer;
                findings.add(new Finding(feature, Support.unsupported("no declared workload runs as service account "
                        + account.namespace() + "/" + account.name() + ", so " + api + " has no pod labels to select"
                        + " it by", "declare its workloads with .withServiceAccount(\"" + account.name() + "\") (in the"
                        + " intents or with workloads(...)), or use calico, cilium or a +istio target")));
            }
        }
    }

    private void ingressSources(Connection guardrail, List<Finding> findings) {
        String onlyPods = api + " ingress rules can name only pods and namespaces as sources";
        for (Peer source : guardrail.sources()) {
            if (source == Entity.ANYWHERE) {
                findings.add(new Finding(Feature.PEER_ANYWHERE, anywhereAsSource(guardrail.action(), onlyPods)));
            } else if (source == Entity.WORLD) {
                findings.add(new Finding(Feature.PEER_WORLD, Support.unsupported(onlyPods + ", not the world",
                        "use calico or cilium, which match ingress from addresses")));
            } else if (source instanceof IpBlock) {
                findings.add(new Finding(((IpBlock) source).except().isEmpty() ? Feature.PEER_CIDR
                        : Feature.PEER_CIDR_EXCEPT, Support.unsupported(onlyPods + ", not addresses (" + source + ")",
                        "use calico or cilium, which match ingress from addresses")));
            }
        }
    }

    /** Anywhere as a source could only be every pod: narrower for an allow, wider for a deny or a pass. */
    private static Support anywhereAsSource(Action action, String onlyPods) {
        String lost = switch (action) {
            case ALLOW -> "not be allowed by it (narrower)";
            case DENY -> "not be denied (wider)";
            default -> "not be passed to the next tier: the rest of its tier would decide it (wider)";
        };
        return new Support(action == Action.ALLOW ? Fidelity.NARROWED : Fidelity.WIDENED, onlyPods + ", so anywhere()"
                + " could only be written as every pod (namespaces: {}): traffic from nodes, host-network pods and"
                + " outside the cluster would " + lost, "write from(allPods()) if pods are what you mean, or use calico"
                + " or cilium, which match every source", List.of());
    }

    private void namedPorts(Connection guardrail, boolean towardsAddresses, List<Finding> findings) {
        for (PortMatch port : guardrail.ports()) {
            if (!(port instanceof NamedPort)) {
                continue;
            }
            NamedPort named = (NamedPort) port;
            if (towardsAddresses) {
                findings.add(new Finding(Feature.PORT_NAMED, Support.unsupported("named ports exist only on pods, and "
                        + api + " cannot combine them with address peers (networks) in one rule", "split the"
                        + " intent: named ports towards pods, port numbers towards addresses")));
            } else if (!declaredByEveryDestination(guardrail, named)) {
                boolean deny = guardrail.action() == Action.DENY;
                findings.add(new Finding(Feature.PORT_NAMED, new Support(deny ? Fidelity.NARROWED : Fidelity.WIDENED,
                        api + " matches a named port by its name only, whatever its protocol: pods whose port '"
                                + named.name() + "' is not " + named.protocol().name() + " would be "
                                + (deny ? "denied too (narrower)" : guardrail.action() == Action.ALLOW
                                ? "allowed too (wider)" : "passed too (wider)"),
                        "declare every destination as a workload with withPort(\"" + named.name() + "\", "
                                + named.protocol() + "(...)) so that the protocol is known, or use a port number",
                        List.of())));
            }
        }
    }

    private static boolean declaredByEveryDestination(Connection guardrail, NamedPort named) {
        for (Peer destination : guardrail.destinations()) {
            PortNumber declared = destination instanceof Workload
                    ? ((Workload) destination).ports().get(named.name()) : null;
            if (declared == null || declared.protocol() != named.protocol()) {
                return false;
            }
        }
        return true;
    }

    private void limits(PolicySet set, Connection guardrail, Direction side, List<Peer> peers, List<Finding> findings) {
        Feature feature = side == Direction.EGRESS ? Feature.EGRESS : Feature.INGRESS;
        int count = peers.contains(Entity.ANYWHERE) ? 1 : PodSelection.of(set, peers).size() + networkPeers(peers);
        if (count > maxPeers) {
            findings.add(new Finding(feature, Support.unsupported("the " + side + " rule would need " + count
                    + " peers, and " + api + " allows at most " + maxPeers, "split the guardrail into several with"
                    + " the same tier, priority and action")));
        }
        if (guardrail.ports().size() > maxPorts) {
            findings.add(new Finding(feature, Support.unsupported("the " + side + " rule would need "
                    + guardrail.ports().size() + " ports, and " + api + " allows at most " + maxPorts,
                    "split the guardrail into several with the same tier, priority and action")));
        }
    }

    private static int networkPeers(List<Peer> peers) {
        TreeSet<String> networks = new TreeSet<>();
        for (Peer peer : peers) {
            if (peer == Entity.WORLD) {
                networks.addAll(GuardrailSide.EVERY_ADDRESS);
            } else if (peer instanceof IpBlock) {
                networks.add(((IpBlock) peer).cidr().notation());
            }
        }
        return (networks.size() + NETWORKS_PER_PEER - 1) / NETWORKS_PER_PEER;
    }

    private Finding unsplittable(Connection guardrail) {
        boolean allow = guardrail.action() == Action.ALLOW;
        Feature feature = Feature.valueOf(guardrail.tier().name() + "_" + guardrail.action().name());
        String article = guardrail.tier() == Tier.ADMIN ? "an " : "a ";
        return new Finding(feature, Support.unsupported(api + " cannot see HTTP requests or request identity, and "
                + article + guardrail.tier() + " " + guardrail.action() + " cannot be split between it and the mesh: written at"
                + " L3/L4 it would " + (allow ? "allow" : "pass to the next tier") + " every request on its ports"
                + " (wider), and left to the mesh alone the later tiers would still decide the requests it names"
                + " (narrower)", "state the guardrail for whole ports, without requests(...) or when(...), or make"
                + " its HTTP part an application intent"));
    }
}
