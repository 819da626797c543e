package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.analysis.RandomPolicies;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On random small clusters with random NetworkPolicies and cluster-wide policies (the simulator's
 * {@link RandomPolicies}), the import says everything (but cluster-wide policies that tie at one priority with
 * different actions, which the API leaves undefined and the DSL refuses) and the imported intents decide every flow of the probe grid as
 * the originals do under upstream Kubernetes semantics, through the reference semantics (but for a pod's own node,
 * see {@link #ownNode}) and, where the target takes them, through the regenerated manifests.
 */
class ImportPropertyTest {

    @Property(tries = 60)
    void imported_policies_decide_every_probe_as_random_originals(@ForAll long seed) throws IOException {
        // given
        Random random = new Random(seed);
        Cluster cluster = RandomPolicies.cluster(random);
        boolean tiers = random.nextBoolean();
        String yaml = RandomPolicies.networkPolicies(random) + (tiers ? RandomPolicies.clusterWidePolicies(random)
                : "");
        Path work = Files.createTempDirectory("kordon-import-property");
        Path file = Files.writeString(work.resolve("policies.yaml"), yaml);
        Problems problems = new Problems();
        List<Manifest> original = new ManifestReader().read(List.of(file), problems);
        problems.throwIfAny();

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(file, cluster, original, EnforcementProfile.generic(),
                tiers ? "kubernetes+anp" : "kubernetes", List.of(), work.resolve("build"));

        // then
        String context = "seed " + seed + ":\n" + yaml;
        if (!outcome.imported().notImported().isEmpty()) {
            // only cluster-wide policies that tie with a different action (undefined in the API) may be left out
            assertThat(tiers).as(context).isTrue();
            assertThat(outcome.imported().notImported()).as(context).allSatisfy(problem -> assertThat(
                    problem.message()).contains("so which one applies is undefined"));
            return;
        }
        assertThat(outcome.referenceDifferences()).as(context).filteredOn(difference -> !ownNode(difference))
                .isEmpty();
        if (outcome.refusal().isEmpty()) {
            assertThat(outcome.generatedDifferences()).as(context).isEmpty();
        }
    }

    /**
     * A flow between a pod and its own node (or a host-network pod on it), which NetworkPolicy always allows and the
     * intent model's isolation does not: a disagreement of the model with every kubernetes target, recorded in the
     * simulator's differential tests (KnownDisagreements), not of the import. It makes the import narrower, never
     * wider.
     */
    private static boolean ownNode(String difference) {
        return difference.contains(": original allows, imported denies") && difference.contains("own node")
                && difference.contains("is always allowed");
    }
}
