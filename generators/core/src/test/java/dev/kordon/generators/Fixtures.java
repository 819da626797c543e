package dev.kordon.generators;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy sets the generator tests share: the article's examples written in the DSL, the product card's example,
 * and the online boutique call graph. Each backend's tests generate them for its targets.
 */
public final class Fixtures {

    private Fixtures() {
    }

    // ---- the seed article, one set per example ----------------------------------------------------------------

    static final Workload PRODUCTION_BACKEND = workload("production", "backend", labels("app", "backend"))
            .withServiceAccount("backend");
    static final Workload PRODUCTION_FRONTEND = workload("production", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend");
    static final Workload PRODUCTION_API = workload("production", "api", labels("app", "api"));
    static final Workload PRODUCTION_API_GATEWAY = workload("production", "api-gateway", labels("app", "api-gateway"));

    /** NetworkPolicy: the backend accepts the frontend on TCP 8080. */
    public static PolicySet seedBackend() {
        return policySet("seed").intents(PRODUCTION_BACKEND.accepts(PRODUCTION_FRONTEND).on(tcp(8080))).build();
    }

    /** NetworkPolicy: every pod of production may reach anything but the metadata server. */
    public static PolicySet seedDenyMetadataServer() {
        return policySet("seed").intents(allow(namespace("production"))
                .to(cidr("0.0.0.0/0").except("169.254.169.254/32")).on(anyTraffic()).onlyEgress()).build();
    }

    /** ClusterNetworkPolicy: no pod may reach 203.0.113.0/24. */
    public static PolicySet seedBlockMaliciousNetwork() {
        return policySet("seed").intents(guardrail("block-malicious-network").admin(100).deny()
                .egressFrom(allPods()).to(cidr("203.0.113.0/24")).on(anyTraffic())).build();
    }

    /** Calico NetworkPolicy: the API gateway accepts GET /api/v1/users from the frontend, and nothing else. */
    public static PolicySet seedApiGateway() {
        return policySet("seed").intents(PRODUCTION_API_GATEWAY.accepts(GET("/api/v1/users"))
                .from(PRODUCTION_FRONTEND).on(allTcpPorts())).build();
    }

    /** Calico GlobalNetworkPolicy: nobody reaches TCP 22, 3389 or 5432 of any pod. */
    public static PolicySet seedDenySensitivePorts() {
        return policySet("seed").intents(guardrail("deny-sensitive-ports").admin(10).deny()
                .ingressTo(allPods()).from(anywhere()).on(tcp(22), tcp(3389), tcp(5432))).build();
    }

    /** CiliumNetworkPolicy: the API accepts GET /api/v1/* from the frontend on TCP 8080. */
    public static PolicySet seedFrontendApi() {
        return policySet("seed").intents(PRODUCTION_API.accepts(GET("/api/v1/*")).from(PRODUCTION_FRONTEND)
                .on(tcp(8080))).build();
    }

    /** Istio AuthorizationPolicy: the backend accepts GET and POST /api/admin* from the frontend's identity for admins. */
    public static PolicySet seedBackendAdmin() {
        return policySet("seed").intents(PRODUCTION_BACKEND
                .accepts(http(HttpMethod.GET, HttpMethod.POST).paths("/api/admin*"))
                .from(serviceAccount(PRODUCTION_FRONTEND)).on(allTcpPorts())
                .when(jwtClaim("role").anyOf("admin"))).build();
    }

    // ---- the product card --------------------------------------------------------------------------------------

    static final Workload SHOP_FRONTEND = workload("shop", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend");
    static final Workload SHOP_BACKEND = workload("shop", "backend", labels("app", "backend"))
            .withServiceAccount("backend");

    /** "backend accepts GET /api/* from the frontend service account on TCP 8080", as declared. */
    public static PolicySet productCard() {
        return policySet("shop").owner("team-shop").workloads(SHOP_FRONTEND).intents(
                SHOP_BACKEND.accepts(GET("/api/*")).from(serviceAccount(SHOP_FRONTEND)).on(tcp(8080))).build();
    }

    /** The same intent, accepting the downgrades that L3/L4-only targets need. */
    public static PolicySet productCardWithDowngrades() {
        return policySet("shop").owner("team-shop").workloads(SHOP_FRONTEND).intents(
                SHOP_BACKEND.accepts(GET("/api/*")).from(serviceAccount(SHOP_FRONTEND)).on(tcp(8080))
                        .accepting(Downgrade.L4_ONLY, Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS)).build();
    }

    // ---- the online boutique -----------------------------------------------------------------------------------

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

    /**
     * The microservices-demo call graph with least privilege: the namespace isolated both ways, DNS allowed, every
     * call allowed on its port, the frontend open to the world.
     */
    public static PolicySet onlineBoutique() {
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
}
