package dev.kordon.generators.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.generators.SchemaValidator;
import dev.kordon.generators.Seeds;
import dev.kordon.generators.manifest.Yaml;
import org.junit.jupiter.api.Test;

/** The shared {@link SchemaValidator} on Cilium's schemas: strict, yet accepting valid policies. */
class CiliumSchemasTest {

    private static final SchemaValidator SCHEMAS = new SchemaValidator();

    private static final String VALID = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata:
              name: p
              namespace: shop
            spec:
              endpointSelector: {}
              enableDefaultDeny: {ingress: false}
              ingressDeny:
              - fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]
              ingress:
              - fromEndpoints: [{matchLabels: {app: web}}]
                toPorts:
                - ports: [{port: "8080", protocol: TCP}]
                  rules:
                    http: [{method: GET, path: '/a(\\?.*)?', host: '(?i)[^:]+\\.example\\.com\\.?(:[^:]*)?'}]
            """;

    @Test
    void accepts_a_policy_with_a_selector_several_sections_and_a_regex_host() {
        assertThat(SCHEMAS.validate(Yaml.read(VALID))).isEmpty();
    }

    @Test
    void accepts_the_articles_manifest() {
        assertThat(SCHEMAS.validate(Seeds.read("ciliumnetworkpolicy-frontend-api.yaml"))).isEmpty();
    }

    @Test
    void rejects_an_unknown_field() {
        String unknown = VALID.replace("  endpointSelector: {}", "  endpointSelector: {}\n  tier: admin");
        assertThat(SCHEMAS.validate(Yaml.read(unknown))).anySatisfy(violation -> assertThat(violation)
                .contains("/spec").contains("tier"));
    }

    @Test
    void rejects_a_policy_without_endpoint_or_node_selector() {
        String noSelector = VALID.replace("  endpointSelector: {}\n", "");
        assertThat(SCHEMAS.validate(Yaml.read(noSelector))).isNotEmpty();
    }

    @Test
    void rejects_an_entity_that_cilium_does_not_know() {
        String entity = VALID.replace("fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]",
                "fromEntities: [everyone]");
        assertThat(SCHEMAS.validate(Yaml.read(entity))).anySatisfy(violation -> assertThat(violation)
                .contains("fromEntities"));
    }

    @Test
    void rejects_a_cidr_rule_with_an_unknown_field() {
        String cidr = VALID.replace("except: [10.1.0.0/16]", "exclude: [10.1.0.0/16]");
        assertThat(SCHEMAS.validate(Yaml.read(cidr))).isNotEmpty();
    }
}
