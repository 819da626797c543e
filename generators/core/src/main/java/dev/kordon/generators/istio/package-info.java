/**
 * The Istio backend: {@code security.istio.io/v1} AuthorizationPolicy as the mesh layer of the {@code <cni>+istio}
 * targets, enforcing identity, HTTP rules and request conditions at the destination above a CNI that enforces L3/L4.
 * {@link dev.kordon.generators.istio.IstioBackend} is the entry point; the rest of the package maps intents to policies
 * ({@code AuthorizationPolicyWriter}, {@code MeshSubjects}, {@code MeshSources}, {@code MeshPorts},
 * {@code MeshRequests}) and finds what the mesh cannot enforce exactly ({@code MeshInspector},
 * {@code SourceWidening}).
 */
package dev.kordon.generators.istio;
