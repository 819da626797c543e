package dev.kordon.generators.anp;

import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Tier;
import dev.kordon.generators.Backend;
import dev.kordon.generators.Capabilities;
import dev.kordon.generators.GeneratorOptions;
import dev.kordon.generators.RenderRequest;
import dev.kordon.generators.Resource;
import dev.kordon.generators.Role;
import dev.kordon.generators.cnp.GuardrailInspector;
import java.util.ArrayList;
import java.util.List;

/**
 * The legacy AdminNetworkPolicy and BaselineAdminNetworkPolicy ({@code policy.networking.k8s.io/v1alpha1}, standard
 * channel): the guardrail layer of {@code kubernetes+anp}. Admin guardrails become one AdminNetworkPolicy per subject
 * selection at the intent's priority; the baseline guardrails of a policy set become the rules of the singleton
 * BaselineAdminNetworkPolicy {@code default}, ordered by priority.
 *
 * <p>Two policy sets that both have baseline guardrails would each need that singleton: the generator then stops with
 * an error naming {@code _cluster/baselineadminnetworkpolicy-default.yaml}, because a backend sees one set at a time
 * and cannot merge them.
 */
public final class AdminNetworkPolicyBackend implements Backend {

    /** The most rules, peers per rule and ports per rule the API allows. */
    static final int LIMIT = 100;

    private final GuardrailInspector guardrails = new GuardrailInspector("AdminNetworkPolicy", LIMIT, LIMIT, false);
    private final BaselineInspector baseline = new BaselineInspector(LIMIT);

    @Override
    public String id() {
        return "anp";
    }

    @Override
    public Capabilities capabilities(Role role) {
        return AdminNetworkPolicyCapabilities.of(role);
    }

    @Override
    public List<Finding> inspect(PolicySet set, Intent intent, Role role, GeneratorOptions options) {
        List<Finding> findings = new ArrayList<>(guardrails.inspect(set, intent, role));
        findings.addAll(baseline.inspect(set, intent, role));
        return findings;
    }

    @Override
    public List<Resource> render(RenderRequest request) {
        AdminNetworkPolicyWriter writer = new AdminNetworkPolicyWriter(request.set());
        List<Resource> resources = new ArrayList<>();
        List<Connection> baselineRules = new ArrayList<>();
        for (Intent intent : request.intents()) {
            GuardrailInspector.requireGuardrail(intent, "AdminNetworkPolicy");
            if (!GuardrailInspector.rendered(intent, request.role())) {
                continue;
            }
            Connection guardrail = (Connection) intent;
            if (guardrail.tier() == Tier.BASELINE) {
                baselineRules.add(guardrail);
            } else {
                resources.addAll(writer.admin(guardrail));
            }
        }
        resources.addAll(writer.baseline(baselineRules));
        return resources;
    }
}
