package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cilium.CiliumTesting.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Generation;
import dev.kordon.generators.Resource;
import dev.kordon.generators.manifest.Yaml;
import org.junit.jupiter.api.Test;

/** Values that YAML or RE2 would read as something else are written so that they read back as themselves. */
class CiliumEscapingTest {

    @Test
    void label_values_that_look_like_other_yaml_types_read_back_as_strings() {
        // given label values that plain YAML would read as a boolean, a number, null or an octal
        Workload odd = workload("shop", "odd", labels("flag", "true").and("count", "123").and("nothing", "null")
                .and("octal", "0x10").and("float", "1e3").and("yes", "on"));
        PolicySet set = policySet("x").intents(allow(odd).to(serviceAccount("ops", "007")).on(tcp(80))).build();
        // when written and read back
        Generation generation = cilium(set);
        // then every value is the same string again
        for (Resource resource : generation.resources()) {
            String text = Yaml.write(resource.body());
            assertThat(Yaml.read(text)).as(text).isEqualTo(Yaml.tree(resource.body()));
        }
        assertThat(Yaml.write(file(generation, "shop/ciliumnetworkpolicy-x-allow-odd-to-sa-007-egress.yaml").body()))
                .contains("      count: \"123\"\n").contains("      flag: \"true\"\n")
                .contains("k8s:io.cilium.k8s.policy.serviceaccount: \"007\"\n");
    }

    @Test
    void regexes_headers_and_wildcard_names_read_back_as_written() {
        // given a header value with YAML's comment and mapping markers, a wildcard DNS name and regex paths
        Workload web = workload("shop", "web", labels("app", "web"));
        PolicySet set = policySet("x").intents(allowDns(web),
                allow(web).to(dnsName("*.example.com")).on(tcp(443)),
                web.accepts(GET("/v1.0/items+x", "/*/x[1]{2}").withHeader("x-note", "a: b #c"))
                        .from(namespace("ops")).on(tcp(8080))).build();
        // when
        Generation generation = cilium(set);
        // then the text reads back as the same tree, and the values are those Cilium needs
        for (Resource resource : generation.resources()) {
            String text = Yaml.write(resource.body());
            assertThat(Yaml.read(text)).as(text).isEqualTo(Yaml.tree(resource.body()));
        }
        assertThat(generation.stream()).contains("matchPattern: '**.example.com'")
                .contains("path: /v1\\.0/items\\+x(\\?.*)?").contains("path: \"/[^?]*/x\\\\[1\\\\]\\\\{2\\\\}(\\\\?.*)?\"")
                .contains("- \"x-note a: b #c\"");
    }
}
