package dev.kordon.generators.cilium;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.generators.cilium.CiliumTesting.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import dev.kordon.generators.Generation;
import org.junit.jupiter.api.Test;

/** How subjects and peers become endpoint selectors, entities, CIDR rules and DNS names. */
class CiliumPeersTest {

    private static final Workload WEB = workload("shop", "web", labels("app", "web")).withServiceAccount("web");
    private static final Workload DB = workload("data", "db", labels("app", "db"));

    @Test
    void a_peer_of_another_namespace_names_its_namespace() {
        // given web (namespace shop) calling db (namespace data)
        PolicySet set = policySet("x").intents(allow(WEB).to(DB).on(tcp(5432))).build();
        // when
        Generation generation = cilium(set);
        // then each side's peer carries the other namespace, since Cilium would confine it to the policy's own
        assertSpec(file(generation, "shop/ciliumnetworkpolicy-x-allow-web-to-db-egress.yaml"), """
                endpointSelector: {matchLabels: {app: web}}
                egress:
                - toEndpoints: [{matchLabels: {app: db, "k8s:io.kubernetes.pod.namespace": data}}]
                  toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                """);
        assertSpec(file(generation, "data/ciliumnetworkpolicy-x-allow-web-to-db-ingress.yaml"), """
                endpointSelector: {matchLabels: {app: db}}
                ingress:
                - fromEndpoints: [{matchLabels: {app: web, "k8s:io.kubernetes.pod.namespace": shop}}]
                  toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                """);
    }

    @Test
    void a_service_account_is_a_peer_and_a_subject_by_its_identity_label() {
        // given the pods running as data/reporter calling the pods running as shop/web
        PolicySet set = policySet("x").intents(
                allow(serviceAccount("data", "reporter")).to(serviceAccount(WEB)).on(tcp(8080))).build();
        // when
        Generation generation = cilium(set);
        // then both ends are selected by io.cilium.k8s.policy.serviceaccount, not by pod labels
        assertSpec(file(generation, "shop/ciliumnetworkpolicy-x-allow-sa-reporter-to-sa-web-ingress.yaml"), """
                endpointSelector: {matchLabels: {"k8s:io.cilium.k8s.policy.serviceaccount": web}}
                ingress:
                - fromEndpoints:
                  - matchLabels: {"k8s:io.cilium.k8s.policy.serviceaccount": reporter,
                                  "k8s:io.kubernetes.pod.namespace": data}
                  toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
                """);
        assertSpec(file(generation, "data/ciliumnetworkpolicy-x-allow-sa-reporter-to-sa-web-egress.yaml"), """
                endpointSelector: {matchLabels: {"k8s:io.cilium.k8s.policy.serviceaccount": reporter}}
                egress:
                - toEndpoints:
                  - matchLabels: {"k8s:io.cilium.k8s.policy.serviceaccount": web,
                                  "k8s:io.kubernetes.pod.namespace": shop}
                  toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
                """);
    }

    @Test
    void a_service_account_name_too_long_for_match_labels_goes_to_match_expressions() {
        String account = String.join(".", java.util.Collections.nCopies(13, "batch"));
        PolicySet set = policySet("x").intents(WEB.accepts(serviceAccount("shop", account)).on(tcp(80))).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                ingress:
                - fromEndpoints:
                  - matchExpressions: [{key: "k8s:io.cilium.k8s.policy.serviceaccount", operator: In,
                                        values: ["%s"]}]
                  toPorts: [{ports: [{port: "80", protocol: TCP}]}]
                """.formatted(account));
    }

    @Test
    void pods_of_labelled_namespaces_are_selected_by_namespace_labels_and_never_narrowed_to_one_namespace() {
        // given web accepting every pod of the namespaces labelled team=data, except those labelled env=dev
        PolicySet set = policySet("x").intents(WEB.accepts(
                pods(inNamespaces(labels("team", "data").and(label("env").notIn("dev"))), label("role").exists()))
                .on(tcp(80))).build();
        // then the peer requires a namespace (pods only), so that the CiliumNetworkPolicy adds no own-namespace match
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                ingress:
                - fromEndpoints:
                  - matchLabels: {"k8s:io.cilium.k8s.namespace.labels.team": data}
                    matchExpressions:
                    - {key: "k8s:io.cilium.k8s.namespace.labels.env", operator: NotIn, values: [dev]}
                    - {key: "k8s:io.kubernetes.pod.namespace", operator: Exists}
                    - {key: role, operator: Exists}
                  toPorts: [{ports: [{port: "80", protocol: TCP}]}]
                """);
    }

    @Test
    void namespaces_as_peers_own_other_several_and_all() {
        // given web accepting its own namespace, another one, two more and every pod of the cluster
        PolicySet set = policySet("x").intents(
                WEB.accepts(namespace("shop"), namespace("ops"), pods(inNamespace("a", "b"), labels("app", "m")),
                        allPods()).on(tcp(80))).build();
        // then its own namespace relies on Cilium's confinement; every other one is named or required to exist
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                ingress:
                - fromEndpoints:
                  - matchExpressions: [{key: "k8s:io.kubernetes.pod.namespace", operator: Exists}]
                  - matchLabels: {app: m}
                    matchExpressions: [{key: "k8s:io.kubernetes.pod.namespace", operator: In, values: [a, b]}]
                  - matchLabels: {"k8s:io.kubernetes.pod.namespace": ops}
                  - {}
                  toPorts: [{ports: [{port: "80", protocol: TCP}]}]
                """);
    }

    @Test
    void subjects_of_labelled_and_all_namespaces_get_a_clusterwide_policy() {
        PolicySet set = policySet("x").intents(
                isolate(namespaces(labels("tenant", "a")), pods(inAnyNamespace(), labels("app", "batch"))).egress())
                .build();
        Generation generation = cilium(set);
        assertFiles(generation).containsExactly(
                "_cluster/ciliumclusterwidenetworkpolicy-x-isolate-all-batch-ns-a-pods-egress-isolation-1.yaml",
                "_cluster/ciliumclusterwidenetworkpolicy-x-isolate-all-batch-ns-a-pods-egress-isolation-2.yaml");
        assertSpec(generation.resources().get(1), """
                endpointSelector:
                  matchLabels: {"k8s:io.cilium.k8s.namespace.labels.tenant": a}
                  matchExpressions: [{key: "k8s:io.kubernetes.pod.namespace", operator: Exists}]
                egress: [{}]
                """);
        assertSpec(generation.resources().get(0), """
                endpointSelector:
                  matchLabels: {app: batch}
                  matchExpressions: [{key: "k8s:io.kubernetes.pod.namespace", operator: Exists}]
                egress: [{}]
                """);
    }

    @Test
    void named_peers_become_entities_one_rule_per_kind_of_peer() {
        // given web calling the API server, every node, the world, a CIDR block and db
        PolicySet set = policySet("x").intents(allow(WEB)
                .to(kubeApiServer(), allNodes(), world(), cidr("10.0.0.0/8").except("10.96.0.0/12"),
                        cidr("2001:db8::/32"), DB)
                .on(tcp(443)).onlyEgress()).build();
        // then Cilium gets one rule per kind of peer (it rejects a rule that mixes them), all on the same ports
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                egress:
                - toEndpoints: [{matchLabels: {app: db, "k8s:io.kubernetes.pod.namespace": data}}]
                  toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                - toCIDRSet: [{cidr: "10.0.0.0/8", except: ["10.96.0.0/12"]}, {cidr: "2001:db8::/32"}]
                  toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                - toEntities: [host, kube-apiserver, remote-node, world]
                  toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                """);
    }

    @Test
    void anywhere_is_the_entity_all_alone() {
        PolicySet set = policySet("x").intents(WEB.accepts(anywhere(), DB).on(anyTraffic())).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {matchLabels: {app: web}}
                ingress: [{fromEntities: [all]}]
                """);
    }

    @Test
    void dns_names_are_fqdn_selectors_and_the_dns_allow_goes_through_the_dns_proxy() {
        // given web allowed to an exact name and a wildcard, and DNS for its namespace
        PolicySet set = policySet("x").intents(
                allowDns(namespace("shop")),
                allow(WEB).to(dnsName("api.stripe.com"), dnsName("*.s3.amazonaws.com")).on(tcp(443))).build();
        // when
        Generation generation = cilium(set);
        // then the wildcard covers one or more labels ("**."), and the DNS allow carries a DNS rule for every name
        assertSpec(file(generation,
                "shop/ciliumnetworkpolicy-x-allow-web-to-any-s3-amazonaws-com-api-stripe-com-egress.yaml"), """
                endpointSelector: {matchLabels: {app: web}}
                egress:
                - toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                  toFQDNs: [{matchName: api.stripe.com}, {matchPattern: "**.s3.amazonaws.com"}]
                """);
        assertSpec(file(generation,
                "shop/ciliumnetworkpolicy-x-allow-shop-pods-to-kube-system-kube-dns-egress.yaml"), """
                endpointSelector: {}
                egress:
                - toEndpoints: [{matchLabels: {k8s-app: kube-dns, "k8s:io.kubernetes.pod.namespace": kube-system}}]
                  toPorts:
                  - ports: [{port: "53", protocol: TCP}, {port: "53", protocol: UDP}]
                    rules: {dns: [{matchPattern: "*"}]}
                """);
    }

    @Test
    void without_dns_names_the_dns_allow_stays_plain() {
        PolicySet set = policySet("x").intents(allowDns(namespace("shop"))).build();
        assertSpec(single(cilium(set)), """
                endpointSelector: {}
                egress:
                - toEndpoints: [{matchLabels: {k8s-app: kube-dns, "k8s:io.kubernetes.pod.namespace": kube-system}}]
                  toPorts: [{ports: [{port: "53", protocol: TCP}, {port: "53", protocol: UDP}]}]
                """);
    }

    @Test
    void label_values_and_keys_with_dots_and_slashes_are_written_as_they_are() {
        Workload odd = workload("shop", "odd", labels("app.kubernetes.io/name", "web.v1-2_x"));
        PolicySet set = policySet("x").intents(isolate(odd).ingress()).build();
        Generation generation = cilium(set);
        assertSpec(single(generation), """
                endpointSelector: {matchLabels: {app.kubernetes.io/name: web.v1-2_x}}
                ingress: [{}]
                """);
    }
}
