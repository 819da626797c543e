package dev.kordon.generators.calico;

import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.calico.TierLayout.KordonTier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Calico {@code projectcalico.org/v3}: a {@code NetworkPolicy} per intent, side and namespace (a
 * {@code GlobalNetworkPolicy} where the subject pods' namespaces are selected by labels or are all of them), in
 * Kordon's own tiers, plus the {@code Tier} objects those policies use.
 *
 * <p>The tiers keep the intent model's semantics (see {@link TierLayout}): application allows and isolations in a tier
 * that denies by default, so that allowing isolates; application denies and audits in a tier before it that passes
 * by default, so that they decide without isolating; guardrails in tiers that pass by default, admin before and
 * baseline after Calico's {@code default} tier, ordered by priority. HTTP rules are written for Application Layer
 * Policy on ingress allows (role {@link Role#COMPLETE}); under a mesh ({@link Role#TRANSPORT}) they are the mesh's.
 */
public final class CalicoBackend implements Backend {

    @Override
    public String id() {
        return "calico";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return CalicoCapabilities.of(role);
    }

    @Override
    public List<Finding> inspect(PolicySet set, Intent intent, Role role, GeneratorOptions options) {
        return CalicoFindings.of(intent, role);
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        TierLayout tiers = new TierLayout(request.options());
        PolicyWriter writer = new PolicyWriter(request.set(), request.role(), tiers);
        List<Resource> resources = new ArrayList<>();
        for (Intent intent : request.intents()) {
            resources.addAll(writer.write(intent));
        }
        writer.usedTiers().stream().sorted(Comparator.comparing(KordonTier::order))
                .forEach(tier -> resources.add(TierLayout.resource(tier)));
        return resources;
    }
}
