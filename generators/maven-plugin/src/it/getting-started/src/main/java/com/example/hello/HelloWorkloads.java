package com.example.hello;

import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.Workload;

/** The workloads of namespace hello. */
public final class HelloWorkloads {

    public static final Workload WEB = workload("hello", "web", labels("app", "web")).withPort("http", tcp(8080));
    public static final Workload API = workload("hello", "api", labels("app", "api")).withPort("http", tcp(9090));
    public static final Workload DB = workload("hello", "db", labels("app", "db")).withPort("pg", tcp(5432));

    private HelloWorkloads() {
    }
}
