package com.example.shop;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Workload;

/** The workloads of the shop namespace, declared once and shared by policies and tests. */
public final class ShopWorkloads {

    /** The namespace every shop workload runs in. */
    public static final String NAMESPACE = "shop";

    /** The storefront that browsers talk to. */
    public static final Workload FRONTEND = workload(NAMESPACE, "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend")
            .withPort("http", tcp(8080));

    /** The API behind the storefront. */
    public static final Workload BACKEND = workload(NAMESPACE, "backend", labels("app", "backend"))
            .withServiceAccount("backend")
            .withPort("http", tcp(8080));

    /** The backend's PostgreSQL database. */
    public static final Workload DATABASE = workload(NAMESPACE, "database", labels("app", "postgres"))
            .withServiceAccount("database")
            .withPort("postgres", tcp(5432));

    private ShopWorkloads() {
    }
}
