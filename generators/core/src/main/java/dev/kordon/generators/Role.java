package dev.kordon.generators;

/** The part a backend plays in a target. */
public enum Role {
    /** The backend enforces everything of the intents it is given. */
    COMPLETE,
    /** A CNI under a service mesh: it enforces L3/L4; HTTP rules and request conditions are the mesh's. */
    TRANSPORT,
    /** A service mesh above a CNI: it enforces identity, HTTP rules and request conditions at the destination. */
    MESH
}
