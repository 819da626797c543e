package dev.kordon.samples.fiveshades;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Workload;

/** The workloads of the article's {@code production} namespace, declared once and shared by policies and tests. */
public final class ProductionWorkloads {

    /** The namespace every example of the article runs in. */
    public static final String NAMESPACE = "production";

    /** The web frontend: the one client every example allows. */
    public static final Workload FRONTEND = workload(NAMESPACE, "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend")
            .withPort("http", tcp(8080));

    /** The backend the frontend calls (the NetworkPolicy and AuthorizationPolicy examples). */
    public static final Workload BACKEND = workload(NAMESPACE, "backend", labels("app", "backend"))
            .withServiceAccount("backend")
            .withPort("http", tcp(8080));

    /** The API whose read-only paths the frontend may call (the CiliumNetworkPolicy example). */
    public static final Workload API = workload(NAMESPACE, "api", labels("app", "api"))
            .withServiceAccount("api")
            .withPort("http", tcp(8080));

    /** The API gateway that serves the users endpoint (the Calico NetworkPolicy example). */
    public static final Workload API_GATEWAY = workload(NAMESPACE, "api-gateway", labels("app", "api-gateway"))
            .withServiceAccount("api-gateway")
            .withPort("http", tcp(8080));

    private ProductionWorkloads() {
    }
}
