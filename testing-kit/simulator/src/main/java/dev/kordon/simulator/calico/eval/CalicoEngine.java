package dev.kordon.simulator.calico.eval;

import dev.kordon.simulator.Decision;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.Step;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.Policy;
import dev.kordon.simulator.calico.model.PolicyStore;
import dev.kordon.simulator.calico.model.StagedAction;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.engine.CniEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Calico's enforcement of one cluster: egress decided at the source's workload endpoint, ingress at the
 * destination's; anything that is no workload endpoint (an outside address, a node, a host-networked pod) is not
 * policed. Staged policies never change a decision; when one applies, a step reports what the verdict would be with
 * the staged policies in force.
 */
public final class CalicoEngine implements CniEngine {

    private final PolicyStore store;
    private final EnforcementProfile profile;
    private final Endpoints endpoints;
    private final TierWalk walk;

    public CalicoEngine(Cluster cluster, PolicyStore store, EnforcementProfile profile) {
        this.store = Objects.requireNonNull(store, "store");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.endpoints = new Endpoints(Objects.requireNonNull(cluster, "cluster"), store,
                profile.ipBlockSelectsPods());
        this.walk = new TierWalk(store);
    }

    @Override
    public Decision egress(Flow flow) {
        return decide(Direction.EGRESS, flow.source(), flow);
    }

    @Override
    public Decision ingress(Flow flow) {
        return decide(Direction.INGRESS, flow.destination(), flow);
    }

    private Decision decide(Direction direction, Endpoint at, Flow flow) {
        Optional<Workload> local = endpoints.workload(at);
        if (local.isEmpty()) {
            return new Decision(Decision.Outcome.NOT_ENFORCED, List.of(new Step(TierWalk.LAYER, direction.toString(),
                    "", "", -1, "not enforced", notPoliced(at))));
        }
        FlowView view = new FlowView(flow, direction, endpoints.side(flow.source()),
                endpoints.side(flow.destination()), profile.calicoApplicationLayerPolicy(), profile.calicoHttpPrefixes());
        List<Policy> enforced = store.policies().stream().filter(policy -> !policy.kind().staged()).toList();
        TierWalk.Result result = walk.run(enforced, local.get(), view);
        List<Step> steps = new ArrayList<>(result.steps());
        staged(local.get(), view).ifPresent(step -> steps.add(steps.size() - 1, step));
        return new Decision(result.outcome(), steps);
    }

    private static String notPoliced(Endpoint at) {
        if (at instanceof Endpoint.OfPod pod) {
            return pod.pod().hostNetwork() ? at + " uses the host network, so it is no Calico workload endpoint;"
                    + " without host endpoints (not modelled) Calico applies no policy to host traffic"
                    : at + " is not a Calico workload endpoint (" + Endpoints.WORKLOAD_ENDPOINT
                    + ": false), so no policy applies at it";
        }
        if (at instanceof Endpoint.OfNode) {
            return at + " is a node; without host endpoints (not modelled) Calico applies no policy to host traffic";
        }
        return at + " is outside the cluster: no Calico endpoint, so no policy applies at it";
    }

    /** What the verdict would be with the staged policies in force, when any of them concerns this endpoint. */
    private Optional<Step> staged(Workload local, FlowView view) {
        List<Policy> staged = store.policies().stream().filter(policy -> policy.kind().staged()
                && policy.stagedAction() != StagedAction.IGNORE).toList();
        List<Policy> relevant = staged.stream().filter(policy -> TierWalk.applies(policy, local, view.direction())
                || counterpart(policy).filter(enforced -> TierWalk.applies(enforced, local, view.direction()))
                .isPresent()).toList();
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        List<Policy> pending = new ArrayList<>(store.policies().stream().filter(policy -> !policy.kind().staged())
                .toList());
        for (Policy policy : staged) {
            counterpart(policy).ifPresent(pending::remove);
            if (policy.stagedAction() == StagedAction.SET || policy.stagedAction() == StagedAction.LEARN) {
                pending.add(policy);
            }
        }
        TierWalk.Result result = walk.run(pending, local, view);
        Step last = result.steps().get(result.steps().size() - 1);
        String names = String.join(", ", relevant.stream().map(Policy::resource).toList());
        return Optional.of(new Step(TierWalk.LAYER, view.direction().toString(), "", "", -1, "staged", names
                + " (staged: reported, never enforced) " + (relevant.size() == 1 ? "concerns " : "concern ")
                + local.pod().id() + "; with the staged policies in force the verdict would be "
                + result.outcome().toString().toLowerCase(Locale.ROOT) + ": " + describe(last)));
    }

    private Optional<Policy> counterpart(Policy staged) {
        return store.policies().stream().filter(policy -> policy.kind() == staged.kind().enforcedCounterpart()
                && policy.namespace().equals(staged.namespace()) && policy.name().equals(staged.name())).findFirst();
    }

    private static String describe(Step step) {
        return (step.tier().isEmpty() ? "" : "tier " + step.tier() + ", ") + (step.resource().isEmpty() ? ""
                : step.resource() + (step.rule() >= 0 ? " rule " + step.rule() : "") + ": ") + step.reason();
    }
}
