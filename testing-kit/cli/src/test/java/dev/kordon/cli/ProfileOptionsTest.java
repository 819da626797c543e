package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The enforcement-profile options that every simulating command shares, and the verdicts they change. */
class ProfileOptionsTest {

    private static final List<String> OPTIONS = List.of("--profile", "--ipblock-selects-pods",
            "--calico-application-layer-policy", "--calico-http-prefixes", "--cilium-policy-enforcement");

    /** The api admits only the pod network's range, 10.0.0.0/8. */
    private static final String FROM_POD_RANGE = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-from-pod-range, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{port: 8080}]}]
            """;

    /** The api admits GET under the prefix /pub (no trailing slash), with Calico's HTTP match. */
    private static final String CALICO_HTTP = """
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              selector: app == 'api'
              ingress:
              - action: Allow
                protocol: TCP
                destination: {ports: [8080]}
                http: {methods: [GET], paths: [{prefix: /pub}]}
            """;

    /** The api admits the web pods by label. */
    private static final String FROM_WEB = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}]
            """;

    @TempDir
    Path temp;

    private Path ipBlock;
    private Path fromWeb;
    private Path calico;
    private Path none;

    @BeforeEach
    void files() throws IOException {
        ipBlock = write("ipblock", FROM_POD_RANGE);
        fromWeb = write("from-web", FROM_WEB);
        calico = write("calico", CALICO_HTTP);
        none = write("none", null);
    }

    private Path write(String name, String policy) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("workloads.yaml"), ShopWorkloads.YAML);
        if (policy != null) {
            Files.writeString(dir.resolve("policy.yaml"), policy);
        }
        return dir;
    }

    private static String eval(Path dir, String... options) {
        String[] args = new String[options.length + 8];
        System.arraycopy(new String[] {"eval", dir.toString(), "--from", "shop/web", "--to", "shop/api", "--port",
                "8080"}, 0, args, 0, 8);
        System.arraycopy(options, 0, args, 8, options.length);
        CommandRun run = CommandRun.of(args);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        return run.out().substring(run.out().lastIndexOf(": ") + 2).strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "diff", "eval", "explain"})
    void every_simulating_command_offers_every_profile_option(String command) {
        // given
        CommandLine.Model.CommandSpec spec = KordonCli.commandLine().getSubcommands().get(command).getCommandSpec();

        // then
        assertThat(OPTIONS).allSatisfy(option -> assertThat(spec.findOption(option)).as(command + " " + option)
                .isNotNull());
    }

    @Test
    void generate_offers_every_option_but_the_profile_which_its_targets_set() {
        // given
        CommandLine.Model.CommandSpec spec = KordonCli.commandLine().getSubcommands().get("generate").getCommandSpec();

        // then
        assertThat(spec.findOption("--profile")).isNull();
        assertThat(OPTIONS.subList(1, OPTIONS.size())).allSatisfy(option -> assertThat(spec.findOption(option))
                .as(option).isNotNull());
    }

    @Test
    void ipblock_selects_pods_by_default_on_generic_and_not_when_told_so() {
        assertThat(eval(ipBlock)).isEqualTo("allowed");
        assertThat(eval(ipBlock, "--ipblock-selects-pods", "false")).isEqualTo("denied");
        assertThat(eval(ipBlock, "--profile", "cilium")).isEqualTo("denied");
        assertThat(eval(ipBlock, "--profile", "cilium", "--ipblock-selects-pods", "true")).isEqualTo("allowed");
    }

    @Test
    void calico_enforces_http_rules_only_with_application_layer_policy() {
        assertThat(eval(calico, "--profile", "calico", "--method", "POST", "--path", "/pub/x")).isEqualTo("allowed");
        assertThat(eval(calico, "--profile", "calico", "--calico-application-layer-policy", "true", "--method",
                "POST", "--path", "/pub/x")).isEqualTo("denied");
    }

    @Test
    void calico_http_prefixes_raw_also_matches_a_longer_segment() {
        String[] request = {"--profile", "calico", "--calico-application-layer-policy", "true", "--method", "GET",
                "--path", "/public"};
        assertThat(eval(calico, request)).isEqualTo("denied");
        assertThat(eval(calico, concat(request, "--calico-http-prefixes", "segments"))).isEqualTo("denied");
        assertThat(eval(calico, concat(request, "--calico-http-prefixes", "raw"))).isEqualTo("allowed");
    }

    @Test
    void cilium_policy_enforcement_always_denies_unselected_endpoints_and_never_enforces_nothing() {
        assertThat(eval(none, "--profile", "cilium")).isEqualTo("allowed");
        assertThat(eval(none, "--profile", "cilium", "--cilium-policy-enforcement", "always")).isEqualTo("denied");
        assertThat(eval(ipBlock, "--profile", "cilium")).isEqualTo("denied");
        assertThat(eval(ipBlock, "--profile", "cilium", "--cilium-policy-enforcement", "never")).isEqualTo("allowed");
    }

    @Test
    void list_and_explain_use_the_options_too() {
        // when
        CommandRun selects = CommandRun.of("list", ipBlock.toString());
        CommandRun doesNot = CommandRun.of("list", ipBlock.toString(), "--ipblock-selects-pods", "false");
        CommandRun explained = CommandRun.of("explain", calico.toString(), "--from", "shop/web", "--to", "shop/api",
                "--port", "8080", "--method", "GET", "--path", "/public", "--profile", "calico",
                "--calico-application-layer-policy", "true", "--calico-http-prefixes", "raw");

        // then
        assertThat(selects.out()).contains("shop/web[Deployment] => shop/api[Deployment] : TCP 8080");
        assertThat(doesNot.out()).doesNotContain("shop/web[Deployment] => shop/api[Deployment]");
        assertThat(explained.out()).startsWith("shop/web -> shop/api TCP/8080 GET /public: allowed");
    }

    @Test
    void diff_compares_both_sides_under_the_options() {
        // when
        CommandRun same = CommandRun.of("diff", ipBlock.toString(), fromWeb.toString(), "--ipblock-selects-pods",
                "true");
        CommandRun changed = CommandRun.of("diff", ipBlock.toString(), fromWeb.toString(), "--ipblock-selects-pods",
                "false");

        // then
        assertThat(same.out()).doesNotContain("source: shop/web[Deployment], destination: shop/api[Deployment]");
        assertThat(changed.out()).contains("diff-type: added, source: shop/web[Deployment], destination:"
                + " shop/api[Deployment], dir1:  No Connections, dir2: TCP 8080");
    }

    @Test
    void a_bad_value_exits_2_naming_the_option_and_the_accepted_values() {
        // when
        CommandRun run = CommandRun.of("eval", none.toString(), "--from", "shop/web", "--to", "shop/api", "--port",
                "8080", "--profile", "calico", "--calico-http-prefixes", "prefix", "--ipblock-selects-pods", "yes",
                "--calico-application-layer-policy", "on");

        // then
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("""
                kordon: 3 problems in the input:
                - --ipblock-selects-pods: is not one of true, false: 'yes'
                    fix: use true or false
                - --calico-application-layer-policy: is not one of true, false: 'on'
                    fix: use true or false
                - --calico-http-prefixes: is not one of segments, raw: 'prefix'
                    fix: use segments or raw
                """);
    }

    @Test
    void an_option_for_another_cni_exits_2_naming_the_profile_it_needs() {
        // when
        CommandRun run = CommandRun.of("list", none.toString(), "--profile", "cilium", "--calico-http-prefixes", "raw");
        CommandRun mode = CommandRun.of("diff", none.toString(), none.toString(), "--cilium-policy-enforcement",
                "always");

        // then
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("""
                kordon: 1 problem in the input:
                - --calico-http-prefixes: changes nothing here: it applies to calico only
                    fix: drop --calico-http-prefixes, or choose --profile calico
                """);
        assertThat(mode.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mode.err()).contains("--cilium-policy-enforcement: changes nothing here: it applies to cilium only");
    }

    @Test
    void values_are_read_in_any_case() {
        assertThat(eval(ipBlock, "--ipblock-selects-pods", "FALSE")).isEqualTo("denied");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
