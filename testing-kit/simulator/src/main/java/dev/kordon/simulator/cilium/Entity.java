package dev.kordon.simulator.cilium;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A Cilium entity [CIL-API] {@code entity.go}: a class of peers without labels of their own. The simulated cluster
 * has pods, nodes and the world; {@code init}, {@code health}, {@code unmanaged}, {@code ingress} and {@code none}
 * therefore never match any of them.
 */
enum Entity {
    ALL("all"),
    WORLD("world"),
    WORLD_IPV4("world-ipv4"),
    WORLD_IPV6("world-ipv6"),
    CLUSTER("cluster"),
    HOST("host"),
    REMOTE_NODE("remote-node"),
    KUBE_APISERVER("kube-apiserver"),
    INIT("init"),
    HEALTH("health"),
    UNMANAGED("unmanaged"),
    INGRESS("ingress"),
    NONE("none");

    private final String text;

    Entity(String text) {
        this.text = text;
    }

    /** The entity of this name, as policies write it. */
    static Optional<Entity> named(String name) {
        return Arrays.stream(values()).filter(entity -> entity.text.equals(name)).findFirst();
    }

    /** Every entity name, for hints. */
    static String names() {
        return String.join(", ", Arrays.stream(values()).map(Entity::toString).toList());
    }

    /** Whether the identity is of this entity. */
    boolean matches(Identity identity) {
        return switch (this) {
            case ALL -> true;
            case WORLD, WORLD_IPV4, WORLD_IPV6, HOST, REMOTE_NODE, KUBE_APISERVER ->
                    identity.reserved().contains(text);
            // all in-cluster identities: host, remote-node, kube-apiserver and every pod of this cluster
            case CLUSTER -> identity.inCluster();
            case INIT, HEALTH, UNMANAGED, INGRESS, NONE -> false;
        };
    }

    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT);
    }
}
