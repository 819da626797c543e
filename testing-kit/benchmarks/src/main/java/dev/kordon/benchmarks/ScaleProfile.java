package dev.kordon.benchmarks;

/**
 * The parameters of the kube-burner network-policy scale workload (npinaeva/k8s-netpol-scale), by their names there.
 *
 * @param namespaces          NAMESPACES: namespaces in the cluster
 * @param podsPerNamespace    PODS_PER_NAMESPACE: pods in each namespace
 * @param netpolsPerNamespace NETPOLS_PER_NAMESPACE: ingress policies in each namespace, and as many egress ones
 * @param localPods           LOCAL_PODS: pods each policy selects in its own namespace
 * @param singlePorts         SINGLE_PORTS: single TCP ports each rule allows
 * @param portRanges          PORT_RANGES: TCP port ranges ({@code port}..{@code endPort}) each rule allows
 * @param podSelectors        POD_SELECTORS: peers with a namespace and pod selector in each rule
 * @param peerNamespaces      PEER_NAMESPACES: namespaces each of those peers selects
 * @param peerPods            PEER_PODS: pods each of those peers selects in them
 * @param cidrs               CIDRS: ipBlock peers in each rule
 */
public record ScaleProfile(int namespaces, int podsPerNamespace, int netpolsPerNamespace, int localPods,
        int singlePorts, int portRanges, int podSelectors, int peerNamespaces, int peerPods, int cidrs) {

    /** Largest SINGLE_PORTS and PORT_RANGES: ports are drawn from fixed pools of this size (see the generator). */
    public static final int PORT_POOL = 20;

    /** Largest CIDRS: blocks are drawn from the /24s of 192.168.0.0/16. */
    public static final int CIDR_POOL = 256;

    public ScaleProfile {
        positive("namespaces", namespaces);
        positive("podsPerNamespace", podsPerNamespace);
        atLeastZero("netpolsPerNamespace", netpolsPerNamespace);
        between("localPods", localPods, 1, podsPerNamespace);
        between("singlePorts", singlePorts, 0, PORT_POOL);
        between("portRanges", portRanges, 0, PORT_POOL);
        atLeastZero("podSelectors", podSelectors);
        between("peerNamespaces", peerNamespaces, 1, namespaces);
        between("peerPods", peerPods, 1, podsPerNamespace);
        between("cidrs", cidrs, 0, CIDR_POOL);
    }

    /**
     * The MEDIUM profile of k8s-netpol-scale (LOCAL_PODS, SINGLE_PORTS, PORT_RANGES, POD_SELECTORS, PEER_NAMESPACES,
     * PEER_PODS, CIDRS all 10) with 10 ingress and 10 egress policies per namespace, on a cluster of this size.
     */
    public static ScaleProfile medium(int namespaces, int podsPerNamespace) {
        return new ScaleProfile(namespaces, podsPerNamespace, 10, Math.min(10, podsPerNamespace), 10, 10, 10,
                Math.min(10, namespaces), Math.min(10, podsPerNamespace), 10);
    }

    /** Pods in the cluster. */
    public int pods() {
        return namespaces * podsPerNamespace;
    }

    /** NetworkPolicies in the cluster: ingress and egress ones. */
    public int policies() {
        return namespaces * netpolsPerNamespace * 2;
    }

    private static void positive(String name, int value) {
        between(name, value, 1, Integer.MAX_VALUE);
    }

    private static void atLeastZero(String name, int value) {
        between(name, value, 0, Integer.MAX_VALUE);
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", not " + value);
        }
    }
}
