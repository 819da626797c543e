package dev.kordon.codegen.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.codegen.GeneratedSource;
import dev.kordon.codegen.Golden;
import dev.kordon.codegen.catalog.Catalog;
import dev.kordon.codegen.catalog.CatalogRequest;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.InputProblem;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    private static final Path DIR = Path.of("src/test/resources/import/kubernetes");
    private static final Path POLICIES = DIR.resolve("policies.yaml");
    private static final Path OTHERS = DIR.resolve("others.yaml");
    private static final Path WORKLOADS = DIR.resolve("workloads.yaml");

    private static ImportResult run(List<Path> inputs) {
        return new Importer().run(new ImportRequest(inputs, "com.example.policies"));
    }

    @Test
    void writes_one_provider_class_per_namespace() {
        // when
        ImportResult result = run(List.of(POLICIES));

        // then
        assertThat(result.sources()).extracting(GeneratedSource::qualifiedName)
                .containsExactly("com.example.policies.OpsPolicies", "com.example.policies.ShopPolicies");
        for (GeneratedSource source : result.sources()) {
            Golden.assertFile("import/kubernetes/" + source.className() + ".java", source.text());
        }
        assertThat(result.serviceRegistration())
                .isEqualTo("com.example.policies.OpsPolicies\ncom.example.policies.ShopPolicies\n");
    }

    @Test
    void reports_everything_it_did_not_import() {
        // when
        ImportResult result = run(List.of(DIR));

        // then
        Golden.assertFile("import/kubernetes/report.txt", result.report());
    }

    @Test
    void reports_rules_that_policy_types_leave_out() {
        // when
        ImportResult result = run(List.of(POLICIES));

        // then
        assertThat(result.notImported()).containsExactly(new InputProblem(POLICIES.toString(),
                "NetworkPolicy shop/egress", "spec.ingress", "is ignored: spec.policyTypes does not list Ingress, so"
                + " Kubernetes does not apply these rules, and the import leaves them out too", "add it to policyTypes"
                + " if the rules are meant to apply, or remove them"));
    }

    @Test
    void reports_objects_it_does_not_import_with_the_reason() {
        // when
        ImportResult result = run(List.of(OTHERS));

        // then
        assertThat(result.sources()).extracting(GeneratedSource::className).containsExactly("ShopPolicies");
        assertThat(result.notImported()).extracting(InputProblem::object, InputProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ConfigMap shop/settings",
                        "is not imported: v1/ConfigMap is neither a policy nor a workload"),
                org.assertj.core.groups.Tuple.tuple("PeerAuthentication shop/strict",
                        "is not imported: a PeerAuthentication sets the mTLS mode, which the DSL does not declare:"
                                + " the istio targets assume STRICT mTLS, so that sources have the identities their"
                                + " rules name"));
    }

    @Test
    void skips_workloads_among_the_inputs() {
        // when
        ImportResult result = run(List.of(WORKLOADS));

        // then
        assertThat(result.sources()).isEmpty();
        assertThat(result.isComplete()).isTrue();
    }

    @Test
    void rejects_an_invalid_policy_naming_file_object_and_field(@TempDir Path dir) throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress: [{ports: [{protocol: tcp, port: 80}]}]
                """, StandardCharsets.UTF_8);

        // when
        InputException thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
                () -> run(List.of(file)));

        // then
        assertThat(thrown.problems()).extracting(InputProblem::file, InputProblem::object, InputProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(file.toString(), "NetworkPolicy shop/web",
                        "spec.ingress[0].ports[0].protocol"));
    }

    @Test
    void is_byte_identical_whatever_the_input_order_and_the_default_locale(@TempDir Path dir) throws IOException {
        // given
        String text = Files.readString(POLICIES);
        int middle = text.indexOf("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
                + "metadata: {name: egress");
        Path second = Files.writeString(dir.resolve("a.yaml"), text.substring(0, middle), StandardCharsets.UTF_8);
        Path first = Files.writeString(dir.resolve("b.yaml"), text.substring(middle), StandardCharsets.UTF_8);
        List<String> expected = run(List.of(POLICIES)).sources().stream().map(GeneratedSource::text).toList();
        Locale before = Locale.getDefault();
        try {
            // when
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            List<String> turkish = run(List.of(first, second)).sources().stream().map(GeneratedSource::text).toList();

            // then
            assertThat(turkish).isEqualTo(expected);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writes_peers_that_are_catalog_workloads_as_their_constants(@TempDir Path work) {
        // given
        ImportRequest request = new ImportRequest(List.of(POLICIES), "com.example.policies", "default",
                List.of(WORKLOADS), "com.example.Workloads");
        GeneratedSource catalog = new Catalog().generate(new CatalogRequest(List.of(WORKLOADS), "com.example",
                "Workloads"));
        Problems problems = new Problems();
        List<Manifest> workloads = new ManifestReader().read(List.of(WORKLOADS), problems);
        List<Manifest> policies = new ManifestReader().read(List.of(POLICIES), problems);
        var cluster = new ClusterReader().read(workloads, problems).cluster();
        problems.throwIfAny();

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(request, List.of(catalog), cluster, policies,
                EnforcementProfile.generic(), "kubernetes", List.of(), work);

        // then
        GeneratedSource shop = outcome.imported().sources().get(1);
        Golden.assertFile("import/kubernetes-with-catalog/" + shop.className() + ".java", shop.text());
        assertThat(outcome.referenceDifferences()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }

    @Test
    void imported_policies_decide_every_probe_of_the_grid_as_the_originals(@TempDir Path work) {
        // given
        Problems problems = new Problems();
        List<Manifest> workloads = new ManifestReader().read(List.of(WORKLOADS), problems);
        List<Manifest> policies = new ManifestReader().read(List.of(POLICIES), problems);
        problems.throwIfAny();
        var cluster = new ClusterReader().read(workloads, problems).cluster();

        // when
        RoundTrip.Outcome outcome = RoundTrip.run(POLICIES, cluster, policies, EnforcementProfile.generic(),
                "kubernetes", List.of(), work);

        // then
        assertThat(outcome.probes()).isEqualTo(6 * 5 * 9 + 6 * 3 * 2 * 9);
        assertThat(outcome.referenceDifferences()).isEmpty();
        assertThat(outcome.refusal()).isEmpty();
        assertThat(outcome.generatedDifferences()).isEmpty();
    }
}
