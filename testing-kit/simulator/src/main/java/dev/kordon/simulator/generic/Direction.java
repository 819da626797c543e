package dev.kordon.simulator.generic;

/** The side of a flow a policy looks at: egress at the source pod, ingress at the destination pod. */
enum Direction {
    INGRESS("ingress", "Ingress", "from", "source"),
    EGRESS("egress", "Egress", "to", "destination");

    private final String text;
    private final String policyType;
    private final String peersField;
    private final String peerRole;

    Direction(String text, String policyType, String peersField, String peerRole) {
        this.text = text;
        this.policyType = policyType;
        this.peersField = peersField;
        this.peerRole = peerRole;
    }

    /** As written in a manifest: {@code Ingress} or {@code Egress}. */
    String policyType() {
        return policyType;
    }

    /** The manifest field that lists this direction's rules: {@code ingress} or {@code egress}. */
    String rulesField() {
        return text;
    }

    /** The rule field that lists the peers: {@code from} or {@code to}. */
    String peersField() {
        return peersField;
    }

    /** What the peer is to the subject pod: the {@code source} or the {@code destination}. */
    String peerRole() {
        return peerRole;
    }

    @Override
    public String toString() {
        return text;
    }
}
