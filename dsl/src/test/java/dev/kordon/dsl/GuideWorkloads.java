package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.labels;
import static dev.kordon.dsl.Kordon.tcp;
import static dev.kordon.dsl.Kordon.workload;

/** The two workloads that the examples of {@code docs/dsl.md} share, declared exactly as the guide declares them. */
final class GuideWorkloads {

    static final Workload FRONTEND = workload("shop", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend");
    static final Workload BACKEND = workload("shop", "backend", labels("app", "backend"))
            .withServiceAccount("backend")
            .withPort("http", tcp(8080));

    private GuideWorkloads() {
    }
}
