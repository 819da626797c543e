package dev.kordon.samples.boutique;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Workload;

/**
 * The twelve workloads of the online boutique, with the names, {@code app} labels, service accounts and ports of the
 * microservices demo's manifests ({@code k8s/boutique.yaml} deploys them).
 */
public final class BoutiqueWorkloads {

    /** The namespace the boutique runs in. */
    public static final String NAMESPACE = "boutique";

    /** The web frontend: serves browsers and calls seven services. */
    public static final Workload FRONTEND = workload(NAMESPACE, "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend")
            .withPort("http", tcp(8080));

    /** Simulates shoppers against the frontend; serves nothing. */
    public static final Workload LOADGENERATOR = workload(NAMESPACE, "loadgenerator", labels("app", "loadgenerator"))
            .withServiceAccount("loadgenerator");

    /** Text ads for the pages the frontend renders. */
    public static final Workload AD = grpcService("adservice", 9555);

    /** Shopping carts, kept in Redis. */
    public static final Workload CART = grpcService("cartservice", 7070);

    /** Places orders: charges, ships and confirms. */
    public static final Workload CHECKOUT = grpcService("checkoutservice", 5050);

    /** Converts prices between currencies. */
    public static final Workload CURRENCY = grpcService("currencyservice", 7000);

    /** Sends order confirmations. */
    public static final Workload EMAIL = grpcService("emailservice", 8080);

    /** Charges credit cards (a mock). */
    public static final Workload PAYMENT = grpcService("paymentservice", 50051);

    /** The product catalogue. */
    public static final Workload PRODUCT_CATALOG = grpcService("productcatalogservice", 3550);

    /** Recommends products from the catalogue. */
    public static final Workload RECOMMENDATION = grpcService("recommendationservice", 8080);

    /** Quotes shipping costs and ships orders (a mock). */
    public static final Workload SHIPPING = grpcService("shippingservice", 50051);

    /** The cart service's Redis; it runs without a service account of its own. */
    public static final Workload REDIS = workload(NAMESPACE, "redis-cart", labels("app", "redis-cart"))
            .withPort("redis", tcp(6379));

    /** A gRPC service of the demo: Deployment, {@code app} label and service account share its name. */
    private static Workload grpcService(String name, int port) {
        return workload(NAMESPACE, name, labels("app", name)).withServiceAccount(name).withPort("grpc", tcp(port));
    }

    private BoutiqueWorkloads() {
    }
}
