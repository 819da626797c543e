package dev.kordon.simulator.cilium;

import dev.kordon.simulator.Decision.Outcome;
import dev.kordon.simulator.EnforcementProfile.CiliumEnforcement;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.cluster.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cilium's decision for one direction of a flow at one endpoint ([CIL-DOC-INTRO], [CIL-DOC-DENY], backends.md §4.4):
 *
 * <ol>
 *   <li>only pods that are Cilium endpoints enforce policy (no host firewall: host-network pods and nodes do not),
 *   and none does in enforcement mode {@code never};</li>
 *   <li>an endpoint no rule selects for this direction allows everything, unless the enforcement mode is
 *   {@code always};</li>
 *   <li>a matching deny rule drops the flow, before any allow;</li>
 *   <li>on ingress, traffic from the endpoint's own node (identity {@code host}) is allowed (allow-localhost);</li>
 *   <li>matching allow rules admit the flow, subject to their L7 rules;</li>
 *   <li>otherwise the flow is dropped if any selecting rule enables default deny (or the mode is {@code always}),
 *   and allowed if none does.</li>
 * </ol>
 */
final class DirectionEvaluator {

    static final String LAYER = "cilium";

    private final List<PolicyEntry> entries;
    private final Identities identities;
    private final EntryMatcher matcher;
    private final L7Evaluator l7 = new L7Evaluator(LAYER);
    private final CiliumEnforcement mode;

    DirectionEvaluator(Cluster cluster, List<PolicyEntry> entries, boolean cidrSelectsClusterEndpoints,
            CiliumEnforcement mode) {
        this.mode = mode;
        this.entries = entries.stream().sorted(Comparator.comparingInt(PolicyEntry::order)).toList();
        this.identities = new Identities(cluster);
        DnsLookups lookups = new DnsLookups(cluster, this);
        this.matcher = new EntryMatcher(cidrSelectsClusterEndpoints, lookups::learned);
    }

    Result decide(Direction direction, Flow flow, Optional<String> dnsQuery) {
        Endpoint local = direction == Direction.INGRESS ? flow.destination() : flow.source();
        Endpoint other = direction == Direction.INGRESS ? flow.source() : flow.destination();
        // 1. Only pods that are Cilium endpoints enforce policy.
        if (!(local instanceof Endpoint.OfPod ofPod) || ofPod.pod().hostNetwork()) {
            return Result.of(Outcome.NOT_ENFORCED, List.of(), step(direction, "not enforced", local
                    + notEndpoint(local)), false);
        }
        if (mode == CiliumEnforcement.NEVER) {
            return Result.of(Outcome.ALLOW, List.of(), step(direction, "allow", "policy enforcement mode never: "
                    + local + " enforces no policy"), false);
        }
        Pod pod = ofPod.pod();
        Identity self = identities.ofPod(pod);
        List<PolicyEntry> selecting = entries.stream().filter(e -> e.direction() == direction
                && e.subject().matches(self)).toList();
        // 2. No rule selects the endpoint for this direction: it allows everything (in mode default).
        if (selecting.isEmpty() && mode == CiliumEnforcement.DEFAULT) {
            return Result.of(Outcome.ALLOW, List.of(), step(direction, "allow", "no policy selects " + pod.id()
                    + " for " + direction + ": not enforced, allowed"), false);
        }
        FlowContext context = new FlowContext(flow, direction, pod, identities.of(other, pod.node()),
                destinationPod(flow.destination()), dnsQuery);
        List<Step> steps = new ArrayList<>();
        steps.add(selecting.isEmpty()
                ? step(direction, "selected", "policy enforcement mode always: " + pod.id() + " is in " + direction
                        + " default deny though no rule selects it")
                : step(direction, "selected", pod.id() + " is selected for " + direction + " by "
                        + selectors(selecting)));
        return enforce(context, selecting, steps);
    }

    private Result enforce(FlowContext context, List<PolicyEntry> selecting, List<Step> steps) {
        Direction direction = context.direction();
        // 3. Deny rules take precedence over every allow rule.
        for (PolicyEntry deny : selecting.stream().filter(PolicyEntry::deny).toList()) {
            EntryMatcher.Match match = matcher.match(deny, context);
            if (match.ok()) {
                return Result.of(Outcome.DENY, steps, new Step(LAYER, direction.toString(), "", deny.resource(),
                        deny.index(), "deny", deny.path() + " matches: " + match.l3().text() + "; "
                        + match.l4().text() + ": a deny rule takes precedence over every allow rule"), false);
            }
        }
        // 4. Traffic from the endpoint's own node is allowed into it (allow-localhost, the Kubernetes default).
        if (direction == Direction.INGRESS && context.remote().kind() == Identity.Kind.HOST) {
            return Result.of(Outcome.ALLOW, steps, step(direction, "allow", "traffic from the local node ("
                    + context.remote() + ") is always allowed into its endpoints (allow-localhost)"), false);
        }
        // 5. Allow rules that match at L3 and L4 admit the flow, subject to authentication and their L7 rules.
        Map<PolicyEntry, EntryMatcher.Match> matches = new LinkedHashMap<>();
        selecting.stream().filter(e -> !e.deny()).forEach(entry -> matches.put(entry, matcher.match(entry, context)));
        List<L7Evaluator.Matched> matched = matches.entrySet().stream().filter(e -> e.getValue().ok())
                .map(e -> new L7Evaluator.Matched(e.getKey(), e.getValue())).toList();
        Optional<L7Evaluator.Matched> failing = matched.stream().filter(m -> m.entry().authFails()).findFirst();
        if (failing.isPresent()) {
            PolicyEntry entry = failing.get().entry();
            return Result.of(Outcome.DENY, steps, new Step(LAYER, direction.toString(), "", entry.resource(),
                    entry.index(), "deny", failing.get().because() + ", and it requires authentication mode"
                    + " test-always-fail: the flow is dropped, as that authentication always fails"), false);
        }
        if (!matched.isEmpty()) {
            return l7.decide(matched, context, steps);
        }
        // 6. Nothing allows the flow: default deny if any selecting rule enables it (or mode always), else allow.
        if (mode == CiliumEnforcement.ALWAYS) {
            return Result.of(Outcome.DENY, steps, step(direction, "deny", "default deny (policy enforcement mode"
                    + " always): no rule allows " + context.l4() + (direction == Direction.INGRESS ? " from " : " to ")
                    + context.remote() + (matches.isEmpty() ? "" : "; " + NearestMiss.explain(matches))), false);
        }
        return byDefault(context, selecting, matches, steps);
    }

    private static Result byDefault(FlowContext context, List<PolicyEntry> selecting,
            Map<PolicyEntry, EntryMatcher.Match> matches, List<Step> steps) {
        Direction direction = context.direction();
        String pod = context.local().id();
        List<PolicyEntry> isolating = selecting.stream().filter(PolicyEntry::defaultDeny).toList();
        if (isolating.isEmpty()) {
            return Result.of(Outcome.ALLOW, steps, step(direction, "allow", "no rule matches " + context.l4()
                    + (direction == Direction.INGRESS ? " from " : " to ") + context.remote() + ", and every"
                    + " selecting rule sets enableDefaultDeny." + direction + ": false, so " + pod + " is not in "
                    + direction + " default deny: allowed"), false);
        }
        return Result.of(Outcome.DENY, steps, step(direction, "deny", "default deny: " + pod + " is in "
                + direction + " default deny (" + resources(isolating) + ") and no rule allows " + context.l4()
                + (direction == Direction.INGRESS ? " from " : " to ") + context.remote() + "; "
                + NearestMiss.explain(matches)), false);
    }

    private static Step step(Direction direction, String outcome, String reason) {
        return new Step(LAYER, direction.toString(), "", "", -1, outcome, reason);
    }

    private static String notEndpoint(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.OfPod) {
            return " uses the host network, so it is no Cilium endpoint: nothing enforces policy there (host"
                    + " firewall off)";
        }
        return endpoint instanceof Endpoint.OfNode ? " is a node: nothing enforces policy there (host firewall off)"
                : " is outside the cluster: Cilium enforces nothing there";
    }

    private static Optional<Pod> destinationPod(Endpoint destination) {
        return destination instanceof Endpoint.OfPod ofPod && !ofPod.pod().hostNetwork() ? Optional.of(ofPod.pod())
                : Optional.empty();
    }

    private static String selectors(List<PolicyEntry> selecting) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        selecting.forEach(e -> paths.computeIfAbsent(e.resource(), r -> new ArrayList<>()).add(e.path()));
        return paths.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String resources(List<PolicyEntry> entries) {
        return entries.stream().map(PolicyEntry::resource).distinct().collect(Collectors.joining(", "));
    }
}
