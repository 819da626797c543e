package dev.kordon.cli;

/**
 * Workloads for the list, diff and profile-option tests: Deployments web and api (port http 8080) in namespace shop.
 */
final class ShopWorkloads {

    /** A Namespace and two Deployments, as multi-document YAML. */
    static final String YAML = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec: {containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}]}]}
            """;

    private ShopWorkloads() {
    }
}
