package dev.kordon.simulator.calico.parse;

import dev.kordon.dsl.Cidr;
import dev.kordon.simulator.calico.model.Action;
import dev.kordon.simulator.calico.model.Direction;
import dev.kordon.simulator.calico.model.NetworkSet;
import dev.kordon.simulator.calico.model.Profile;
import dev.kordon.simulator.calico.model.Rule;
import dev.kordon.simulator.calico.model.Tier;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads Calico's non-policy resources: {@code Tier}, {@code NetworkSet}, {@code GlobalNetworkSet}, {@code Profile}. */
public final class ResourceReader {

    /** A Tier: order (unset sorts last) and default action (Deny unless Pass). */
    public Optional<Tier> tier(Manifest manifest, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        JsonNode spec = fields.spec();
        fields.known("spec", spec, Set.of("order", "defaultAction"));
        int before = problems.all().size();
        double order = fields.number("spec.order", spec.get("order")).orElse(Double.POSITIVE_INFINITY);
        String action = fields.string("spec.defaultAction", spec.get("defaultAction")).orElse("Deny");
        if (!action.equals("Deny") && !action.equals("Pass")) {
            fields.problem("spec.defaultAction", "is not Deny or Pass: '" + action + "'", "use Deny or Pass");
        }
        if (problems.all().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Tier(manifest.name(), order, action.equals("Pass") ? Action.PASS : Action.DENY,
                manifest.describe()));
    }

    /** A NetworkSet (namespaced) or GlobalNetworkSet: labels and nets. */
    public Optional<NetworkSet> networkSet(Manifest manifest, boolean global, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        JsonNode spec = fields.spec();
        fields.known("spec", spec, Set.of("nets", "allowedEgressDomains"));
        int before = problems.all().size();
        if (ManifestFields.present(spec.get("allowedEgressDomains"))) {
            fields.problem("spec.allowedEgressDomains", "is not supported by the simulator (a Calico Enterprise"
                    + " feature that matches DNS names)", "list the addresses in nets instead");
        }
        if (!global && manifest.namespace().isEmpty()) {
            fields.problem("metadata.namespace", "is missing", "set the namespace of the NetworkSet");
        }
        List<Cidr> nets = new ArrayList<>();
        List<String> texts = fields.strings("spec.nets", spec.get("nets"));
        for (int i = 0; i < texts.size(); i++) {
            fields.cidrOrIp("spec.nets[" + i + "]", texts.get(i)).ifPresent(nets::add);
        }
        var labels = fields.stringMap("metadata.labels", manifest.body().path("metadata").get("labels"));
        if (problems.all().size() > before) {
            return Optional.empty();
        }
        return Optional.of(NetworkSet.of(manifest.describe(), global ? "" : manifest.namespace(), manifest.name(),
                labels, nets));
    }

    /** A Profile: labels to apply and rules, evaluated after every tier for the endpoints that carry it. */
    public Optional<Profile> profile(Manifest manifest, Problems problems) {
        ManifestFields fields = new ManifestFields(manifest, problems);
        JsonNode spec = fields.spec();
        fields.known("spec", spec, Set.of("ingress", "egress", "labelsToApply"));
        int before = problems.all().size();
        if (manifest.name().startsWith("kns.") || manifest.name().startsWith("ksa.")) {
            fields.problem("metadata.name", "names a profile Calico generates from a namespace or service account: '"
                    + manifest.name() + "'", "change the namespace's or service account's labels instead");
        }
        CalicoRuleReader rules = new CalicoRuleReader(fields, "");
        List<Rule> ingress = rules.rules("spec.ingress", spec.get("ingress"), Direction.INGRESS);
        List<Rule> egress = rules.rules("spec.egress", spec.get("egress"), Direction.EGRESS);
        var labels = fields.stringMap("spec.labelsToApply", spec.get("labelsToApply"));
        if (problems.all().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Profile(manifest.name(), manifest.describe(), labels, ingress, egress));
    }
}
