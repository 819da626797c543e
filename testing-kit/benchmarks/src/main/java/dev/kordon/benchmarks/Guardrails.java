package dev.kordon.benchmarks;

import java.util.List;

/**
 * The cluster-wide policies a platform team puts around the tenants of a {@link NetpolScaleGenerator} cluster, as
 * ClusterNetworkPolicies ({@code policy.networking.k8s.io/v1alpha2}). With {@code tenants} tenants, namespace
 * {@code n} belongs to tenant {@code n % tenants} (label {@code tenant=t-NN}), namespace {@code kube-system} holds two
 * DNS pods ({@code k8s-app=kube-dns}, UDP and TCP 53), and the policies are:
 *
 * <ul>
 *   <li>Admin, priority 10, {@code deny-metadata}: every pod's egress to 169.254.169.254/32 is denied;</li>
 *   <li>Admin, priority 20, {@code allow-dns}: every pod's egress to the DNS pods on UDP and TCP 53 is accepted;</li>
 *   <li>Admin, priority 30, one {@code tenant-NN-isolation} per tenant: the tenant's pods pass traffic with their own
 *       tenant's namespaces on to the NetworkPolicies and deny it with every other namespace, both ways;</li>
 *   <li>Baseline, priority 10, {@code dns-ingress}: the DNS pods accept UDP and TCP 53 from every namespace;</li>
 *   <li>Baseline, priority 20, {@code default-deny-ingress}: pods that no NetworkPolicy isolates deny ingress from
 *       every namespace.</li>
 * </ul>
 *
 * @param tenants how many tenants; 0 for none of this (no labels, no DNS pods, no cluster-wide policy)
 */
public record Guardrails(int tenants) {

    /** The DNS namespace. */
    static final String DNS_NAMESPACE = "kube-system";

    /** The DNS pods. */
    static final List<String> DNS_PODS = List.of("coredns-1", "coredns-2");

    public Guardrails {
        if (tenants < 0) {
            throw new IllegalArgumentException("tenants must be at least 0, not " + tenants);
        }
    }

    /** No cluster-wide policies. */
    public static Guardrails none() {
        return new Guardrails(0);
    }

    /** Whether there are any. */
    public boolean present() {
        return tenants > 0;
    }

    /** How many ClusterNetworkPolicies there are. */
    public int policies() {
        return present() ? tenants + 4 : 0;
    }

    /** The tenant of a namespace, as its {@code tenant} label: {@code t-01}... */
    String tenant(int namespace) {
        return String.format("t-%02d", namespace % tenants + 1);
    }

    /** The policies as YAML documents. */
    void write(StringBuilder out) {
        if (!present()) {
            return;
        }
        policy(out, "deny-metadata", "Admin", 10, "namespaces: {}", "", """
                  egress:
                  - action: Deny
                    to:
                    - networks: [169.254.169.254/32]
                """);
        policy(out, "allow-dns", "Admin", 20, "namespaces: {}", "", """
                  egress:
                  - action: Accept
                    to:
                    - pods:
                        namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                        podSelector: {matchLabels: {k8s-app: kube-dns}}
                    protocols:
                    - udp: {destinationPort: {number: 53}}
                    - tcp: {destinationPort: {number: 53}}
                """);
        for (int t = 0; t < tenants; t++) {
            String tenant = tenant(t);
            String own = "    - namespaces: {matchLabels: {tenant: " + tenant + "}}\n";
            policy(out, "tenant-" + tenant.substring(2) + "-isolation", "Admin", 30,
                    "namespaces: {matchLabels: {tenant: " + tenant + "}}", "", "  ingress:\n  - action: Pass\n"
                    + "    from:\n" + own + "  - action: Deny\n    from:\n    - namespaces: {}\n  egress:\n"
                    + "  - action: Pass\n    to:\n" + own + "  - action: Deny\n    to:\n    - namespaces: {}\n");
        }
        policy(out, "dns-ingress", "Baseline", 10, "pods:", """
                      namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                      podSelector: {matchLabels: {k8s-app: kube-dns}}
                """, """
                  ingress:
                  - action: Accept
                    from:
                    - namespaces: {}
                    protocols:
                    - udp: {destinationPort: {number: 53}}
                    - tcp: {destinationPort: {number: 53}}
                """);
        policy(out, "default-deny-ingress", "Baseline", 20, "namespaces: {}", "", """
                  ingress:
                  - action: Deny
                    from:
                    - namespaces: {}
                """);
    }

    private static void policy(StringBuilder out, String name, String tier, int priority, String subject,
            String subjectBody, String rules) {
        out.append("---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n")
                .append("  name: ").append(name).append("\nspec:\n  tier: ").append(tier).append("\n  priority: ")
                .append(priority).append("\n  subject:\n    ").append(subject).append('\n').append(subjectBody)
                .append(rules);
    }
}
