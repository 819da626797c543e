package dev.kordon.simulator.reference;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy sets of the differential tests: the online boutique and the product card, copied from the generators'
 * test fixtures, and a small set with isolation, an HTTP allow, a deny and guardrails.
 */
final class PolicySets {

    private PolicySets() {
    }

    // ---- the product card (copied from generators' Fixtures) ---------------------------------------------------

    static final Workload SHOP_FRONTEND = workload("shop", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend");
    static final Workload SHOP_BACKEND = workload("shop", "backend", labels("app", "backend"))
            .withServiceAccount("backend");

    static PolicySet productCard() {
        return policySet("shop").owner("team-shop").workloads(SHOP_FRONTEND).intents(
                SHOP_BACKEND.accepts(GET("/api/*")).from(serviceAccount(SHOP_FRONTEND)).on(tcp(8080))).build();
    }

    static PolicySet productCardWithDowngrades() {
        return policySet("shop").owner("team-shop").workloads(SHOP_FRONTEND).intents(
                SHOP_BACKEND.accepts(GET("/api/*")).from(serviceAccount(SHOP_FRONTEND)).on(tcp(8080))
                        .accepting(Downgrade.L4_ONLY, Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)).build();
    }

    // ---- the online boutique (copied from generators' Fixtures) ------------------------------------------------

    private static Workload boutique(String name, String app, int port) {
        return workload("boutique", name, labels("app", app)).withServiceAccount(name).withPort("grpc", tcp(port));
    }

    static final Workload FRONTEND = workload("boutique", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend").withPort("http", tcp(8080));
    static final Workload LOADGENERATOR = workload("boutique", "loadgenerator", labels("app", "loadgenerator"))
            .withServiceAccount("loadgenerator");
    static final Workload AD = boutique("adservice", "adservice", 9555);
    static final Workload CART = boutique("cartservice", "cartservice", 7070);
    static final Workload CHECKOUT = boutique("checkoutservice", "checkoutservice", 5050);
    static final Workload CURRENCY = boutique("currencyservice", "currencyservice", 7000);
    static final Workload EMAIL = boutique("emailservice", "emailservice", 8080);
    static final Workload PAYMENT = boutique("paymentservice", "paymentservice", 50051);
    static final Workload CATALOG = boutique("productcatalogservice", "productcatalogservice", 3550);
    static final Workload RECOMMENDATION = boutique("recommendationservice", "recommendationservice", 8080);
    static final Workload SHIPPING = boutique("shippingservice", "shippingservice", 50051);
    static final Workload REDIS = workload("boutique", "redis-cart", labels("app", "redis-cart"))
            .withPort("redis", tcp(6379));

    static PolicySet onlineBoutique() {
        List<Intent> intents = new ArrayList<>();
        intents.add(isolate(namespace("boutique")).ingressAndEgress());
        intents.add(allowDns(namespace("boutique")));
        intents.add(FRONTEND.accepts(world()).on(tcp(8080)).accepting(Downgrade.WORLD_AS_ALL_ADDRESSES));
        intents.add(allow(LOADGENERATOR).to(FRONTEND).on(tcp(8080)));
        for (Workload callee : List.of(AD, CART, CHECKOUT, CURRENCY, CATALOG, RECOMMENDATION, SHIPPING)) {
            intents.add(allow(FRONTEND).to(callee).on(tcp(callee.ports().get("grpc").port())));
        }
        for (Workload callee : List.of(CART, CURRENCY, EMAIL, PAYMENT, CATALOG, SHIPPING)) {
            intents.add(allow(CHECKOUT).to(callee).on(tcp(callee.ports().get("grpc").port())));
        }
        intents.add(allow(RECOMMENDATION).to(CATALOG).on(tcp(3550)));
        intents.add(allow(CART).to(REDIS).on(tcp(6379)));
        return policySet("online-boutique").owner("boutique-team")
                .description("microservices-demo: least-privilege calls between the twelve services")
                .intents(intents).build();
    }

    // ---- a small set: isolation, an HTTP allow, a deny, guardrails ---------------------------------------------

    static final Workload WEB = workload("web", "web", labels("app", "web")).withServiceAccount("web")
            .withPort("http", tcp(8080));
    static final Workload API = workload("api", "api", labels("app", "api")).withServiceAccount("api")
            .withPort("http", tcp(8080)).withPort("metrics", tcp(9090));
    static final Workload DB = workload("data", "db", labels("app", "db")).withServiceAccount("db")
            .withPort("pg", tcp(5432));
    static final Workload TOOLS = workload("ops", "tools", labels("app", "tools")).withServiceAccount("tools")
            .withPort("ssh", tcp(22));

    /** The small set; the HTTP allow accepts running as L4 where the target has no L7. */
    static PolicySet small() {
        return policySet("small").owner("platform").intents(
                isolate(DB).ingress(),
                allow(API).to(DB).on(tcp(5432)),
                API.accepts(GET("/api/*")).from(WEB).on(tcp(8080)).accepting(Downgrade.L4_ONLY),
                deny(WEB).to(API).on(tcp(9090)),
                guardrail("ops-ssh-decided-by-teams").admin(5).pass()
                        .ingressTo(allPods()).from(namespace("ops")).on(tcp(22)),
                guardrail("block-ssh").admin(10).deny()
                        .ingressTo(allPods()).from(anywhere()).on(tcp(22)),
                guardrail("baseline-ops-private").baseline(100).deny()
                        .ingressTo(namespace("ops")).from(allPods()).on(anyTraffic()))
                .build();
    }

    /**
     * The small set without pass and baseline, with an admin deny from every pod rather than from anywhere: the
     * guardrails that cilium can enforce exactly.
     */
    static PolicySet smallForCilium() {
        return policySet("small-cilium").owner("platform").intents(
                isolate(DB).ingress(),
                allow(API).to(DB).on(tcp(5432)),
                API.accepts(GET("/api/*")).from(WEB).on(tcp(8080)).accepting(Downgrade.L4_ONLY),
                deny(WEB).to(API).on(tcp(9090)),
                allow(TOOLS).to(world()).on(tcp(443)),
                guardrail("block-ssh").admin(10).deny()
                        .ingressTo(allPods()).from(allPods()).on(tcp(22)))
                .build();
    }

    /** Isolation, allows and admin/baseline guardrails, without application denies: for kubernetes+cnp/anp. */
    static PolicySet smallWithoutDeny() {
        return policySet("small-no-deny").owner("platform").intents(
                isolate(DB).ingress(),
                allow(API).to(DB).on(tcp(5432)),
                API.accepts(GET("/api/*")).from(WEB).on(tcp(8080)).accepting(Downgrade.L4_ONLY),
                guardrail("ops-ssh-decided-by-teams").admin(5).pass()
                        .ingressTo(allPods()).from(namespace("ops")).on(tcp(22)),
                guardrail("block-ssh").admin(10).deny()
                        .ingressTo(allPods()).from(allPods()).on(tcp(22)),
                guardrail("baseline-ops-private").baseline(100).deny()
                        .ingressTo(namespace("ops")).from(allPods()).on(anyTraffic()))
                .build();
    }
}
