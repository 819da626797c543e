package dev.kordon.dsl;

/**
 * One end of a connection: who sends or receives the traffic.
 *
 * <p>Pod peers ({@link Workload}, {@link Pods}, {@link ServiceAccountRef}) can also be the subject where a policy
 * is enforced; the others ({@link Nodes}, {@link Entity}, {@link IpBlock}, {@link DnsName}) only describe the
 * other end.
 */
public sealed interface Peer permits Workload, Pods, ServiceAccountRef, Nodes, Entity, IpBlock, DnsName {

    /** Whether this peer is a set of pods, which a policy can be enforced on. */
    boolean isPods();

    /** A short human name used to derive DNS-1123 intent names, e.g. {@code backend} or {@code world}. */
    String shortName();
}
