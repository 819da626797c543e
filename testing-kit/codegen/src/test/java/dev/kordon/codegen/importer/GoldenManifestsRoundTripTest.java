package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.Cluster;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kordon's own output, imported back: the generators' golden manifests for {@code kubernetes},
 * {@code kubernetes+cnp}, {@code kubernetes+anp} and {@code calico} (on Calico's enforcement), on a cluster made of one pod per selector they write, decide every
 * flow of the probe grid the same after import → generate (the same target) → simulate, and by the reference
 * semantics of the imported sets.
 */
class GoldenManifestsRoundTripTest {

    private static final Path GOLDEN = Path.of("../../generators/core/src/test/resources/golden");

    /**
     * Golden files that use what the import does not express (yet), with a fragment of the report entry: the import
     * leaves those objects out and says so, so the verdicts are not compared.
     */
    private static final Map<String, String> NOT_IMPORTED = Map.of(
            "calico/product-card.yaml", "spec.ingress[0].http: is not imported",
            "calico/all-targets/product-card-with-downgrades.yaml", "spec.ingress[0].http: is not imported");

    /**
     * The golden files of the Istio targets hold AuthorizationPolicies beside L3/L4 policies, whose ALLOW policies the
     * import leaves out (a flow must pass both layers, where the DSL's allows add up); their AuthorizationPolicies are
     * round-tripped on their own below.
     */
    private static final String ISTIO_GAP = "is not imported: an ALLOW policy for pods whose ingress L3/L4 policies";

    static Stream<Arguments> files() throws IOException {
        List<Arguments> files = new java.util.ArrayList<>();
        // the all-targets folders hold the examples every target writes; the top-level ones each target's own cases
        for (String folder : List.of("kubernetes", "kubernetes+cnp", "kubernetes+anp", "calico", "calico/all-targets",
                "calico+istio/all-targets", "kubernetes+istio")) {
            String target = folder.replace("/all-targets", "");
            yamlFiles(folder).forEach(file -> files.add(Arguments.of(target, GOLDEN.resolve(target).relativize(file)
                    .toString())));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void imported_generated_manifests_decide_every_probe_as_the_originals(String target, String name,
            @TempDir Path work) {
        // given
        Path file = GOLDEN.resolve(target).resolve(name);
        List<Manifest> original = read(file);
        Cluster cluster = ClusterFromSelectors.of(original);
        assertThat(cluster.pods()).hasSizeGreaterThanOrEqualTo(2);

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(file, cluster, original, EnforcementProfile.forTarget(target), target,
                List.of(), work);

        // then
        List<String> allowPolicies = original.stream().filter(m -> m.kind().equals("AuthorizationPolicy")
                && m.body().path("spec").path("action").asString("ALLOW").equals("ALLOW")).map(Manifest::describe)
                .toList();
        if (!allowPolicies.isEmpty()) {
            assertThat(outcome.imported().notImported()).filteredOn(entry -> entry.message().startsWith(ISTIO_GAP))
                    .extracting(entry -> entry.object()).containsExactlyInAnyOrderElementsOf(allowPolicies);
            return;
        }
        String gap = NOT_IMPORTED.get(target + "/" + name);
        if (gap != null) {
            assertThat(outcome.imported().notImported())
                    .anySatisfy(entry -> assertThat(entry.toString()).contains(gap));
            return;
        }
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.probes()).isGreaterThan(0);
        assertThat(outcome.referenceDifferences()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }

    /** Every golden file of an Istio target that holds AuthorizationPolicies. */
    /** The golden files of the {@code cilium} target with HTTP rules. */
    static Stream<Arguments> ciliumHttpFiles() throws IOException {
        List<Arguments> files = new java.util.ArrayList<>();
        for (String folder : List.of("cilium", "cilium/all-targets")) {
            yamlFiles(folder).stream()
                    .filter(file -> read(file).stream().anyMatch(m -> m.body().toString().contains("\"http\"")))
                    .forEach(file -> files.add(Arguments.of(folder, file.getFileName().toString())));
        }
        return files.stream();
    }

    /**
     * The {@code cilium} goldens with HTTP rules, whose regexes the import reads back, decide every probe and the sample
     * requests of the imported HTTP rules as the originals, through the {@code cilium} target on Cilium's enforcement.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("ciliumHttpFiles")
    void imported_cilium_http_rules_decide_every_probe_as_the_originals(String folder, String name,
            @TempDir Path work) {
        // given
        Path file = GOLDEN.resolve(folder).resolve(name);
        List<Manifest> original = read(file);
        Cluster cluster = ClusterFromSelectors.of(original);

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(new ImportRequest(List.of(file), "roundtrip.imported"), List.of(),
                cluster, original, List.of(), EnforcementProfile.forTarget("cilium"), "cilium", List.of(), true, work);

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }

    static Stream<Arguments> istioFiles() throws IOException {
        List<Arguments> files = new java.util.ArrayList<>();
        for (String folder : List.of("kubernetes+istio", "kubernetes+istio/all-targets", "calico+istio/all-targets",
                "cilium+istio/all-targets", "kubernetes+cnp+istio/all-targets", "kubernetes+anp+istio/all-targets")) {
            yamlFiles(folder).stream().filter(file -> read(file).stream().anyMatch(IstioOnly::isAuthorization))
                    .forEach(file -> files.add(Arguments.of(folder, file.getFileName().toString())));
        }
        return files.stream();
    }

    /**
     * The AuthorizationPolicies of the Istio goldens, imported on their own, decide every probe (and the sample
     * requests of the imported HTTP rules) as they do, on a cluster made of the pods the whole file selects and the
     * service accounts it names; generated again through {@code calico+istio}, whose L3/L4 layer (unlike
     * {@code kubernetes+istio}'s) can say denies, service accounts and pods of every namespace. The reference
     * semantics differ only where the import's notes say: an HTTP deny also denies plain TCP on its ports.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("istioFiles")
    void imported_authorization_policies_alone_decide_every_probe_as_the_originals(String folder, String name,
            @TempDir Path work) throws IOException {
        // given
        List<Manifest> all = read(GOLDEN.resolve(folder).resolve(name));
        List<Manifest> policies = all.stream().filter(IstioOnly::isAuthorization).toList();
        Path file = IstioOnly.write(policies, work.resolve("authorization-policies.yaml"));
        Cluster cluster = ClusterFromSelectors.of(all);

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(new ImportRequest(List.of(file), "roundtrip.imported"), List.of(),
                cluster, policies, List.of(), EnforcementProfile.forTarget("calico+istio"), "calico+istio",
                List.of(), true, work.resolve("roundtrip"));

        // then
        assertThat(outcome.imported().notImported()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.referenceDifferences()).filteredOn(difference -> !IstioOnly.onPlainTcpOfAnHttpDeny(
                difference)).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }

    /** The YAML files of a golden folder, sorted. */
    private static List<Path> yamlFiles(String folder) throws IOException {
        try (Stream<Path> listed = Files.list(GOLDEN.resolve(folder))) {
            return listed.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Manifest> read(Path file) {
        Problems problems = new Problems();
        List<Manifest> manifests = new ManifestReader().read(List.of(file), problems);
        problems.throwIfAny();
        return manifests;
    }
}
