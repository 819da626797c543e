package dev.kordon.dsl;

import static dev.kordon.dsl.GuideWorkloads.BACKEND;
import static dev.kordon.dsl.GuideWorkloads.FRONTEND;
import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/dsl.md}, sections "Who", "Traffic", "Connections", "Isolation" and "Semantics", each
 * written exactly as the guide shows it, with the model it must produce.
 */
class DslGuideExamplesTest {

    // ---- Who ---------------------------------------------------------------------------------------------------

    @Test
    void workload_by_namespace_and_labels() {
        // when
        Workload backend = workload("shop", "backend", labels("app", "backend").and("tier", "api"))
                .withServiceAccount("backend")
                .withPort("http", tcp(8080));

        // then
        assertThat(backend.namespace()).isEqualTo("shop");
        assertThat(backend.name()).isEqualTo("backend");
        assertThat(backend.selector()).hasToString("{app=backend,tier=api}")
                .isEqualTo(labels(Map.of("tier", "api", "app", "backend")));
        assertThat(backend.serviceAccount()).contains("backend");
        assertThat(backend.ports()).containsExactly(entry("http", tcp(8080)));
        assertThat(backend.asPods()).isEqualTo(pods(inNamespace("shop"), labels("app", "backend").and("tier", "api")));
        assertThat(backend).hasToString("workload(shop/backend {app=backend,tier=api} sa=backend ports=[http=tcp/8080])");
    }

    @Test
    void label_selector_with_in_notin_exists_and_doesnotexist() {
        // when
        LabelSelector web = labels("app", "web")
                .and(label("tier").in("frontend", "edge"))
                .and(label("env").notIn("dev", "test"))
                .and(label("team").exists())
                .and(label("canary").doesNotExist());
        Pods webPods = pods(inNamespace("shop", "shop-staging"), web);

        // then
        assertThat(web.requirements())
                .extracting(LabelRequirement::key, LabelRequirement::operator, LabelRequirement::values)
                .containsExactly(
                        tuple("canary", LabelRequirement.Operator.DOES_NOT_EXIST, List.of()),
                        tuple("app", LabelRequirement.Operator.IN, List.of("web")),
                        tuple("env", LabelRequirement.Operator.NOT_IN, List.of("dev", "test")),
                        tuple("team", LabelRequirement.Operator.EXISTS, List.of()),
                        tuple("tier", LabelRequirement.Operator.IN, List.of("edge", "frontend")));
        assertThat(web).hasToString("{!canary,app=web,env notin (dev,test),team,tier in (edge,frontend)}");
        assertThat(web.matches(Map.of("app", "web", "tier", "edge", "team", "payments"))).isTrue();
        assertThat(web.matches(Map.of("app", "web", "tier", "edge", "team", "payments", "env", "dev"))).isFalse();
        assertThat(web.matches(Map.of("app", "web", "tier", "edge", "team", "payments", "canary", "true"))).isFalse();
        assertThat(webPods.namespaces()).isEqualTo(new NamespaceScope.Named(List.of("shop", "shop-staging")));
        assertThat(webPods.selector()).isEqualTo(web);
    }

    @Test
    void service_account_by_name_and_via_a_workload() {
        // when
        ServiceAccountRef byName = serviceAccount("shop", "frontend");
        ServiceAccountRef viaWorkload = serviceAccount(FRONTEND);

        // then
        assertThat(byName).isEqualTo(viaWorkload).hasToString("sa(shop/frontend)");
        assertThat(viaWorkload.namespace()).isEqualTo("shop");
        assertThat(viaWorkload.name()).isEqualTo("frontend");
        assertThat(viaWorkload.isPods()).isTrue();
    }

    @Test
    void namespace_by_name_by_labels_and_the_whole_cluster_are_pod_selections() {
        // when
        Pods shopPods = namespace("shop");
        Pods tenantA = namespaces(labels("tenant", "a"));
        Pods everyPod = allPods();

        // then
        assertThat(shopPods).isEqualTo(pods(inNamespace("shop"), LabelSelector.matchingAll())).hasToString("pods(shop {})");
        assertThat(tenantA.namespaces()).isEqualTo(inNamespaces(labels("tenant", "a")));
        assertThat(tenantA.selector().matchesAll()).isTrue();
        assertThat(tenantA).hasToString("pods(ns{tenant=a} {})");
        assertThat(everyPod.namespaces()).isEqualTo(inAnyNamespace());
        assertThat(everyPod).hasToString("pods(* {})");
        assertThat(List.of(shopPods, tenantA, everyPod)).allMatch(Peer::isPods);
    }

    @Test
    void nodes_api_server_world_and_anywhere_are_not_pods() {
        // when
        Nodes everyNode = allNodes();
        Nodes controlPlane = nodes(label("node-role.kubernetes.io/control-plane").exists());
        Entity apiServer = kubeApiServer();
        Entity outside = world();
        Entity everything = anywhere();

        // then
        assertThat(everyNode.selector().matchesAll()).isTrue();
        assertThat(controlPlane).hasToString("nodes{node-role.kubernetes.io/control-plane}");
        assertThat(List.of(apiServer, outside, everything))
                .containsExactly(Entity.KUBE_APISERVER, Entity.WORLD, Entity.ANYWHERE);
        assertThat(List.<Peer>of(everyNode, controlPlane, apiServer, outside, everything)).noneMatch(Peer::isPods);
    }

    @Test
    void cidr_blocks_with_exceptions_ipv4_and_ipv6() {
        // when
        IpBlock internet = cidr("0.0.0.0/0").except("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
        IpBlock partner = cidr("2001:DB8:0::/32").except("2001:db8:ffff::/48");

        // then
        assertThat(internet.cidr()).isEqualTo(Cidr.of("0.0.0.0/0"));
        assertThat(internet.except()).extracting(Cidr::notation)
                .containsExactly("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
        assertThat(partner.cidr().notation()).isEqualTo("2001:db8::/32");
        assertThat(partner.cidr().isIpv6()).isTrue();
        assertThat(partner.cidr().containsAddress("2001:db8:ffff::1")).isTrue();
        assertThat(partner).hasToString("cidr(2001:db8::/32 except 2001:db8:ffff::/48)");
    }

    @Test
    void dns_names_exact_and_wildcard_as_egress_destinations() {
        // when
        Connection payments = allow(BACKEND).to(dnsName("api.stripe.com"), dnsName("*.s3.amazonaws.com")).on(tcp(443));

        // then
        assertThat(payments.destinations()).containsExactly(dnsName("*.s3.amazonaws.com"), dnsName("api.stripe.com"));
        DnsName wildcard = (DnsName) payments.destinations().get(0);
        assertThat(wildcard.isWildcard()).isTrue();
        assertThat(wildcard.matches("shop-assets.s3.amazonaws.com")).isTrue();
        assertThat(wildcard.matches("s3.amazonaws.com")).isFalse();
        assertThat(payments.effectiveSides()).containsExactly(Direction.EGRESS);
    }

    @Test
    void dns_name_as_a_source_is_a_problem() {
        // given
        PolicySet inbound = policySet("inbound")
                .intents(allow(dnsName("partner.example.com")).to(BACKEND).on(tcp(443)))
                .buildUnvalidated();

        // when
        ValidationResult result = inbound.validate();

        // then
        assertThat(result.problems()).extracting(Problem::path, Problem::message).containsExactly(tuple(
                "policySets[inbound].intents[allow-partner-example-com-to-backend].from[0]",
                "DNS names can only be destinations: 'dns(partner.example.com)'"));
    }

    // ---- Traffic -----------------------------------------------------------------------------------------------

    @Test
    void ports_ranges_named_ports_and_whole_protocols() {
        // when
        Connection ports = allow(FRONTEND).to(BACKEND)
                .on(tcp(8080), udp(53), sctp(3868), tcpRange(30000, 32767), tcp("http"), allUdpPorts());
        Connection everything = allow(FRONTEND).to(BACKEND).on(anyTraffic());

        // then
        assertThat(ports.ports()).containsExactly(
                new PortNumber(Protocol.SCTP, 3868),
                new PortRange(Protocol.TCP, 30000, 32767),
                new PortNumber(Protocol.TCP, 8080),
                new NamedPort(Protocol.TCP, "http"),
                new AllPorts(Protocol.UDP),
                new PortNumber(Protocol.UDP, 53));
        assertThat(everything.ports()).containsExactly(new AnyTraffic());
        assertThat(tcpRange(8080, 8080)).isEqualTo(tcp(8080));
    }

    @Test
    void http_methods_paths_hosts_and_headers() {
        // when
        Connection api = allow(FRONTEND).to(BACKEND).on(tcp(8080))
                .requests(
                        GET("/healthz"),
                        GET("/api/*", "/static/*"),
                        DELETE("/api/*/orders"),
                        POST("/api/orders").withHost("Shop.Example.com").withHeader("X-Tenant", "a"),
                        anyMethod("/admin/*").withHeader("x-admin-token"));

        // then
        assertThat(api.isL7()).isTrue();
        assertThat(api.http()).extracting(HttpRule::toString).containsExactly(
                "(any method) /admin/* header[x-admin-token]",
                "DELETE /api/*/orders",
                "GET /api/*,/static/*",
                "GET /healthz",
                "POST /api/orders host=shop.example.com header[x-tenant=a]");
        HttpRule delete = api.http().get(1);
        assertThat(delete.methods()).containsExactly(HttpMethod.DELETE);
        assertThat(delete.paths()).extracting(PathPattern::kind).containsExactly(PathPattern.Kind.GLOB);
        assertThat(delete.matches("DELETE", "/api/v1/eu/orders", "backend", Map.of())).isTrue();
        assertThat(api.http().get(2).paths()).extracting(PathPattern::kind)
                .containsExactly(PathPattern.Kind.PREFIX, PathPattern.Kind.PREFIX);
        assertThat(api.http().get(3).paths()).extracting(PathPattern::kind).containsExactly(PathPattern.Kind.EXACT);
        assertThat(api.http().get(0).methods()).isEmpty();
        assertThat(api.http().get(0).headers()).containsExactly(new HeaderMatch.Present("x-admin-token"));
        assertThat(api.http().get(4).hosts()).containsExactly("shop.example.com");
        assertThat(api.http().get(4).headers()).containsExactly(new HeaderMatch.Equals("x-tenant", "a"));
    }

    @Test
    void grpc_is_sugar_for_post_paths() {
        // when
        HttpRule cart = grpc("shop.v1.Cart");
        HttpRule getCart = grpc("shop.v1.Cart", "GetCart");

        // then
        assertThat(cart).isEqualTo(POST("/shop.v1.Cart/*"));
        assertThat(getCart).isEqualTo(POST("/shop.v1.Cart/GetCart"));
        assertThat(cart.matches("POST", "/shop.v1.Cart/AddItem", "backend", Map.of())).isTrue();
        assertThat(getCart.matches("POST", "/shop.v1.Cart/AddItem", "backend", Map.of())).isFalse();
    }

    @Test
    void conditions_on_request_principal_and_jwt_claims() {
        // when
        Connection admins = BACKEND.accepts(anyMethod("/admin/*")).from(FRONTEND).on(tcp(8080))
                .when(requestPrincipal("https://auth.example.com/*"),
                        jwtClaim("realm_access", "roles").anyOf("shop-admin"));

        // then
        assertThat(admins.conditions()).containsExactlyInAnyOrder(
                new Condition.RequestPrincipal(List.of("https://auth.example.com/*")),
                new Condition.JwtClaim(List.of("realm_access", "roles"), List.of("shop-admin")));
        assertThat(admins.conditions()).extracting(Object::toString).containsExactly(
                "jwt[realm_access][roles] in (shop-admin)", "requestPrincipal in (https://auth.example.com/*)");
        assertThat(anyRequestPrincipal()).isEqualTo(requestPrincipal("*"));
        assertThat(policySet("admin").intents(admins).buildUnvalidated().validate().isValid()).isTrue();
    }

    // ---- Connections -------------------------------------------------------------------------------------------

    @Test
    void allow_to_on_is_enforced_at_both_sides_unless_narrowed() {
        // when
        Connection call = allow(FRONTEND).to(BACKEND).on(tcp(8080));
        Connection egressOnly = call.onlyEgress();
        Connection ingressOnly = call.onlyIngress();

        // then
        assertThat(call).extracting(Connection::tier, Connection::priority, Connection::action)
                .containsExactly(Tier.APPLICATION, 0, Action.ALLOW);
        assertThat(call.sources()).containsExactly(FRONTEND);
        assertThat(call.destinations()).containsExactly(BACKEND);
        assertThat(call.ports()).containsExactly(tcp(8080));
        assertThat(call.http()).isEmpty();
        assertThat(call.conditions()).isEmpty();
        assertThat(call.enforcedAt()).containsExactlyInAnyOrder(Direction.EGRESS, Direction.INGRESS);
        assertThat(egressOnly.enforcedAt()).containsExactly(Direction.EGRESS);
        assertThat(ingressOnly.enforcedAt()).containsExactly(Direction.INGRESS);
    }

    @Test
    void accepts_from_is_enforced_at_the_ingress_side_only() {
        // when
        Connection api = BACKEND.accepts(GET("/api/*")).from(serviceAccount(FRONTEND)).on(tcp(8080));
        Connection anyRequest = BACKEND.accepts(FRONTEND).on(tcp(8080));

        // then
        assertThat(api.sources()).containsExactly(serviceAccount("shop", "frontend"));
        assertThat(api.destinations()).containsExactly(BACKEND);
        assertThat(api.http()).containsExactly(GET("/api/*"));
        assertThat(api.enforcedAt()).containsExactly(Direction.INGRESS);
        assertThat(api.action()).isEqualTo(Action.ALLOW);
        assertThat(anyRequest).isEqualTo(allow(FRONTEND).to(BACKEND).on(tcp(8080)).onlyIngress());
    }

    @Test
    void egress_to_external_peers_is_enforced_at_the_source() {
        // when
        Connection database = allow(BACKEND).to(cidr("10.20.0.0/16")).on(tcp(5432));
        Connection stripe = allow(BACKEND).to(dnsName("api.stripe.com")).on(tcp(443));
        Connection internet = allow(FRONTEND).to(world()).on(tcp(443));

        // then
        assertThat(List.of(database, stripe, internet)).allSatisfy(connection -> {
            assertThat(connection.enforcedAt()).containsExactlyInAnyOrder(Direction.EGRESS, Direction.INGRESS);
            assertThat(connection.effectiveSides()).containsExactly(Direction.EGRESS);
        });
        assertThat(database.destinations()).containsExactly(cidr("10.20.0.0/16"));
        assertThat(internet.destinations()).containsExactly(Entity.WORLD);
    }

    @Test
    void deny_and_audit_at_the_application_tier() {
        // when
        Connection noDebugPort = deny(FRONTEND).to(BACKEND).on(tcp(9090));
        Connection watch = audit(FRONTEND).to(BACKEND).on(allTcpPorts());

        // then
        assertThat(noDebugPort).extracting(Connection::tier, Connection::action, Connection::isGuardrail)
                .containsExactly(Tier.APPLICATION, Action.DENY, false);
        assertThat(watch).extracting(Connection::tier, Connection::action, Connection::isGuardrail)
                .containsExactly(Tier.APPLICATION, Action.AUDIT, false);
        assertThat(watch.ports()).containsExactly(allTcpPorts());
        assertThat(noDebugPort.enforcedAt()).containsExactlyInAnyOrder(Direction.EGRESS, Direction.INGRESS);
    }

    // ---- Isolation ---------------------------------------------------------------------------------------------

    @Test
    void isolate_a_workload_a_namespace_and_every_pod() {
        // when
        Isolation backendIngress = isolate(BACKEND).ingress();
        Isolation payments = isolate(namespace("payments")).ingressAndEgress();
        Isolation clusterEgress = isolate(allPods()).egress();

        // then
        assertThat(backendIngress.subjects()).containsExactly(BACKEND);
        assertThat(backendIngress.directions()).containsExactly(Direction.INGRESS);
        assertThat(payments.subjects()).containsExactly(namespace("payments"));
        assertThat(payments.directions()).containsExactlyInAnyOrder(Direction.INGRESS, Direction.EGRESS);
        assertThat(clusterEgress.subjects()).containsExactly(allPods());
        assertThat(clusterEgress.directions()).containsExactly(Direction.EGRESS);
        assertThat(payments.meaning()).isEqualTo("isolate pods(payments {}) for ingress+egress");
    }

    @Test
    void presets_are_ordinary_intents_in_the_set() {
        // when
        PolicySet shop = policySet("shop")
                .intents(
                        isolate(namespace("shop")).ingressAndEgress(),
                        allowDns(namespace("shop")),
                        allowKubeApiServer(BACKEND))
                .build();

        // then
        assertThat(shop.intents()).extracting(Intent::name).containsExactly(
                "allow-backend-to-kube-apiserver", "allow-shop-pods-to-kube-system-kube-dns",
                "isolate-shop-pods-ingress-egress");
        Connection dns = (Connection) shop.intent("allow-shop-pods-to-kube-system-kube-dns").orElseThrow();
        assertThat(dns.destinations()).containsExactly(KUBE_DNS);
        assertThat(dns.ports()).containsExactly(tcp(53), udp(53));
        assertThat(dns.enforcedAt()).containsExactly(Direction.EGRESS);
        assertThat(dns).isEqualTo(allow(namespace("shop")).to(KUBE_DNS).on(udp(53), tcp(53)).onlyEgress()
                .named("allow-shop-pods-to-kube-system-kube-dns"));
        Connection api = (Connection) shop.intent("allow-backend-to-kube-apiserver").orElseThrow();
        assertThat(api.destinations()).containsExactly(Entity.KUBE_APISERVER);
        assertThat(api.ports()).containsExactly(tcp(443), tcp(6443));
        assertThat(api.enforcedAt()).containsExactly(Direction.EGRESS);
    }

    // ---- Semantics ---------------------------------------------------------------------------------------------

    @Test
    void only_sides_with_pods_carry_a_rule() {
        // when
        Connection toWorld = allow(BACKEND).to(world()).on(tcp(443));
        Connection fromWorld = BACKEND.accepts(world()).on(tcp(8443));

        // then
        assertThat(toWorld.enforcedAt()).containsExactlyInAnyOrder(Direction.EGRESS, Direction.INGRESS);
        assertThat(toWorld.effectiveSides()).containsExactly(Direction.EGRESS);
        assertThat(fromWorld.effectiveSides()).containsExactly(Direction.INGRESS);
    }

    @Test
    void a_rule_with_no_pod_side_is_a_problem() {
        // given
        PolicySet nowhere = policySet("nowhere")
                .intents(allow(world()).to(cidr("10.0.0.0/8")).on(tcp(443)))
                .buildUnvalidated();

        // when
        ValidationResult result = nowhere.validate();

        // then
        assertThat(result.problems()).extracting(Problem::message)
                .containsExactly("intent is enforced nowhere: neither its sources nor its destinations are pods");
    }
}
