package dev.kordon.generators.istio;

import dev.kordon.generators.manifest.Manifests;
import dev.kordon.generators.manifest.ObjectMetadata;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * An Istio {@code security.istio.io/v1} AuthorizationPolicy as written in manifests (backends.md §5.1). Absent fields
 * are {@code null} and left out; a rule whose fields are all absent is written {@code {}} (it matches every request).
 *
 * @param apiVersion always {@value #API_VERSION}
 * @param kind       always {@value #KIND}
 * @param metadata   name, namespace, labels and annotations
 * @param spec       the policy
 */
record AuthorizationPolicy(String apiVersion, String kind, ObjectMetadata metadata, Spec spec) {

    static final String API_VERSION = "security.istio.io/v1";
    static final String KIND = "AuthorizationPolicy";

    AuthorizationPolicy {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }

    AuthorizationPolicy(ObjectMetadata metadata, Spec spec) {
        this(API_VERSION, KIND, metadata, spec);
    }

    /**
     * The policy: which workloads, what to do, and the rules. A spec with neither action nor rules is "allow nothing".
     *
     * @param selector the workloads of the policy's namespace (of every namespace in the root namespace); {@code null}
     *                 for all of them
     * @param action   {@code ALLOW}, {@code DENY} or {@code AUDIT}; {@code null} (ALLOW) for allow-nothing
     * @param rules    any of them matching is a match; {@code null} for allow-nothing
     */
    record Spec(Selector selector, String action, List<Rule> rules) {
        Spec {
            rules = rules == null ? null : List.copyOf(rules);
        }
    }

    /** The workload selector: labels only. */
    record Selector(SortedMap<String, String> matchLabels) {
        Selector {
            matchLabels = Manifests.sorted(matchLabels);
        }
    }

    /**
     * One rule: any source, any operation, and every condition.
     *
     * @param from alternatives of sources; {@code null} for any source
     * @param to   alternatives of operations; {@code null} for any operation
     * @param when conditions that must all hold; {@code null} for none
     */
    record Rule(List<From> from, List<To> to, List<Condition> when) {
        Rule {
            from = nullIfEmpty(from);
            to = nullIfEmpty(to);
            when = nullIfEmpty(when);
        }
    }

    /** One alternative of {@code from}. */
    record From(Source source) {
    }

    /**
     * Who sends the request; every given field must match, any value of a field may.
     *
     * @param principals  mTLS identities, {@code <trustDomain>/ns/<namespace>/sa/<account>}
     * @param namespaces  namespaces of the mTLS identity
     * @param ipBlocks    direct peer addresses
     * @param notIpBlocks direct peer addresses excluded
     */
    record Source(List<String> principals, List<String> namespaces, List<String> ipBlocks, List<String> notIpBlocks) {
        Source {
            principals = nullIfEmpty(principals);
            namespaces = nullIfEmpty(namespaces);
            ipBlocks = nullIfEmpty(ipBlocks);
            notIpBlocks = nullIfEmpty(notIpBlocks);
        }
    }

    /** One alternative of {@code to}. */
    record To(Operation operation) {
    }

    /** What the request does; every given field must match, any value of a field may. */
    record Operation(List<String> hosts, List<String> ports, List<String> methods, List<String> paths) {
        Operation {
            hosts = nullIfEmpty(hosts);
            ports = nullIfEmpty(ports);
            methods = nullIfEmpty(methods);
            paths = nullIfEmpty(paths);
        }

        boolean constrainsNothing() {
            return hosts == null && ports == null && methods == null && paths == null;
        }
    }

    /** A condition of {@code when}: the attribute has one of the values. */
    record Condition(String key, List<String> values) {
        Condition {
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
        }
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : List.copyOf(list);
    }
}
