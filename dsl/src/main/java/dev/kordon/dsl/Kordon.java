package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry point of the DSL: {@code import static dev.kordon.dsl.Kordon.*;}.
 *
 * <pre>{@code
 * Workload frontend = workload("shop", "frontend", labels("app", "frontend")).withServiceAccount("frontend");
 * Workload backend = workload("shop", "backend", labels("app", "backend")).withServiceAccount("backend");
 *
 * PolicySet shop = policySet("shop")
 *         .owner("team-shop")
 *         .intents(
 *                 isolate(namespace("shop")).ingressAndEgress(),
 *                 allow(frontend).to(backend).on(tcp(8080)),
 *                 backend.accepts(GET("/api/*")).from(serviceAccount(frontend)).on(tcp(8080)),
 *                 allowDns(namespace("shop")))
 *         .build();
 * }</pre>
 *
 * <p>Every factory that takes a list takes its first element separately, so no call can mean "everything" by being
 * empty: everything has to be named ({@link #allPods()}, {@link #anywhere()}, {@link #anyTraffic()}).
 */
public final class Kordon {

    /** Namespace and labels of the cluster DNS pods that {@link #allowDns(Peer, Peer...)} targets. */
    public static final Pods KUBE_DNS = new Pods(new NamespaceScope.Named(List.of("kube-system")),
            LabelSelector.labels("k8s-app", "kube-dns"));

    private Kordon() {
    }

    // ---- policy sets -----------------------------------------------------------------------------------------

    /** Starts a policy set: {@code policySet("shop").owner("team-shop").intents(...).build()}. */
    public static PolicySet.Builder policySet(String name) {
        return PolicySet.builder(name);
    }

    // ---- intents ---------------------------------------------------------------------------------------------

    /** "These peers may call …": an application-tier allow, enforced at both ends. */
    public static Steps.To allow(Peer first, Peer... more) {
        return application(Action.ALLOW, first, more);
    }

    /** "These peers may not call …": an application-tier deny, enforced at both ends; a deny beats any allow there. */
    public static Steps.To deny(Peer first, Peer... more) {
        return application(Action.DENY, first, more);
    }

    /** "Record when these peers call …": observe without enforcing. */
    public static Steps.To audit(Peer first, Peer... more) {
        return application(Action.AUDIT, first, more);
    }

    private static Steps.To application(Action action, Peer first, Peer... more) {
        return new Steps.Building(Tier.APPLICATION, 0, action, Steps.list(first, more), List.of(), List.of(),
                java.util.Set.of(Direction.EGRESS, Direction.INGRESS));
    }

    /** Default deny for the subjects: {@code isolate(namespace("payments")).ingressAndEgress()}. */
    public static Steps.IsolationDirection isolate(Peer first, Peer... more) {
        return new Steps.Isolating(Steps.list(first, more));
    }

    /** A cluster-wide rule of a platform team, named for the people who read it: {@code guardrail("block-metadata")}. */
    public static Steps.GuardrailTier guardrail(String name) {
        return new Steps.Guarding(name, Tier.ADMIN, 0, Action.DENY);
    }

    // ---- presets: ordinary intents with a name for what they are -------------------------------------------

    /** Egress from the subjects to the cluster DNS ({@link #KUBE_DNS}) on UDP and TCP 53. */
    public static Connection allowDns(Peer first, Peer... more) {
        return allow(first, more).to(KUBE_DNS).on(udp(53), tcp(53)).onlyEgress();
    }

    /** Egress from the subjects to the Kubernetes API server on TCP 443 and 6443 (the service and the usual backend port). */
    public static Connection allowKubeApiServer(Peer first, Peer... more) {
        return allow(first, more).to(kubeApiServer()).on(tcp(443), tcp(6443)).onlyEgress();
    }

    // ---- who ---------------------------------------------------------------------------------------------------

    /** A workload: the pods of {@code namespace} that {@code selector} matches, named {@code name}. */
    public static Workload workload(String namespace, String name, LabelSelector selector) {
        return Workload.of(namespace, name, selector);
    }

    /** Every pod of one namespace. */
    public static Pods namespace(String name) {
        return new Pods(inNamespace(name), LabelSelector.matchingAll());
    }

    /** Every pod of the namespaces whose labels match: {@code namespaces(labels("tenant", "a"))}. */
    public static Pods namespaces(LabelSelector namespaceSelector) {
        return new Pods(inNamespaces(namespaceSelector), LabelSelector.matchingAll());
    }

    /** Every pod of the cluster. */
    public static Pods allPods() {
        return new Pods(new NamespaceScope.All(), LabelSelector.matchingAll());
    }

    /** The pods that match {@code selector} in {@code namespaces}: {@code pods(inNamespace("shop"), labels("tier", "web"))}. */
    public static Pods pods(NamespaceScope namespaces, LabelSelector selector) {
        return new Pods(namespaces, selector);
    }

    /** The namespaces with these names. */
    public static NamespaceScope inNamespace(String first, String... more) {
        return new NamespaceScope.Named(Steps.list(first, more));
    }

    /** The namespaces whose labels match. */
    public static NamespaceScope inNamespaces(LabelSelector namespaceSelector) {
        return new NamespaceScope.Labelled(namespaceSelector);
    }

    /** Every namespace. */
    public static NamespaceScope inAnyNamespace() {
        return new NamespaceScope.All();
    }

    /** The pods running as a service account. */
    public static ServiceAccountRef serviceAccount(String namespace, String name) {
        return new ServiceAccountRef(namespace, name);
    }

    /** The pods running as the workload's service account; validation reports a workload that declares none. */
    public static ServiceAccountRef serviceAccount(Workload workload) {
        return new ServiceAccountRef(workload.namespace(), workload.serviceAccount().orElse(""));
    }

    /** Every node of the cluster. */
    public static Nodes allNodes() {
        return new Nodes(LabelSelector.matchingAll());
    }

    /** The nodes whose labels match. */
    public static Nodes nodes(LabelSelector selector) {
        return new Nodes(selector);
    }

    /** The Kubernetes API server. */
    public static Entity kubeApiServer() {
        return Entity.KUBE_APISERVER;
    }

    /** Everything outside the cluster. */
    public static Entity world() {
        return Entity.WORLD;
    }

    /** Every peer at all: pods, nodes, the API server and the world. */
    public static Entity anywhere() {
        return Entity.ANYWHERE;
    }

    /** Addresses in a CIDR block, IPv4 or IPv6; add exceptions with {@code .except(...)}. */
    public static IpBlock cidr(String notation) {
        return new IpBlock(Cidr.of(notation), List.of());
    }

    /** A DNS name for egress, exact or with a leading {@code *.} wildcard. */
    public static DnsName dnsName(String pattern) {
        return new DnsName(pattern);
    }

    // ---- labels ------------------------------------------------------------------------------------------------

    /** A selector requiring {@code key=value}; chain more with {@code .and(key, value)}. */
    public static LabelSelector labels(String key, String value) {
        return LabelSelector.labels(key, value);
    }

    /** A selector requiring every entry of the map. */
    public static LabelSelector labels(Map<String, String> labels) {
        return LabelSelector.labels(labels);
    }

    /** Starts a set-based requirement: {@code label("tier").in("web", "api")}. */
    public static LabelKey label(String key) {
        return new LabelKey(key);
    }

    /** A label key waiting for its operator. */
    public static final class LabelKey {
        private final String key;

        private LabelKey(String key) {
            this.key = key;
        }

        /** The label has one of the values. */
        public LabelSelector in(String first, String... more) {
            return requirement(LabelRequirement.Operator.IN, Steps.list(first, more));
        }

        /** The label is absent or has none of the values. */
        public LabelSelector notIn(String first, String... more) {
            return requirement(LabelRequirement.Operator.NOT_IN, Steps.list(first, more));
        }

        /** The label is present, with any value. */
        public LabelSelector exists() {
            return requirement(LabelRequirement.Operator.EXISTS, List.of());
        }

        /** The label is absent. */
        public LabelSelector doesNotExist() {
            return requirement(LabelRequirement.Operator.DOES_NOT_EXIST, List.of());
        }

        private LabelSelector requirement(LabelRequirement.Operator operator, List<String> values) {
            return LabelSelector.of(new LabelRequirement(key, operator, values));
        }
    }

    // ---- ports -------------------------------------------------------------------------------------------------

    public static PortNumber tcp(int port) {
        return new PortNumber(Protocol.TCP, port);
    }

    public static PortNumber udp(int port) {
        return new PortNumber(Protocol.UDP, port);
    }

    public static PortNumber sctp(int port) {
        return new PortNumber(Protocol.SCTP, port);
    }

    /** A named TCP container port, resolved on the destination pod. */
    public static NamedPort tcp(String portName) {
        return new NamedPort(Protocol.TCP, portName);
    }

    public static NamedPort udp(String portName) {
        return new NamedPort(Protocol.UDP, portName);
    }

    public static NamedPort sctp(String portName) {
        return new NamedPort(Protocol.SCTP, portName);
    }

    /** TCP ports {@code from} to {@code to}, inclusive. */
    public static PortMatch tcpRange(int from, int to) {
        return range(Protocol.TCP, from, to);
    }

    public static PortMatch udpRange(int from, int to) {
        return range(Protocol.UDP, from, to);
    }

    public static PortMatch sctpRange(int from, int to) {
        return range(Protocol.SCTP, from, to);
    }

    private static PortMatch range(Protocol protocol, int from, int to) {
        return from == to ? new PortNumber(protocol, from) : new PortRange(protocol, from, to);
    }

    public static AllPorts allTcpPorts() {
        return new AllPorts(Protocol.TCP);
    }

    public static AllPorts allUdpPorts() {
        return new AllPorts(Protocol.UDP);
    }

    public static AllPorts allSctpPorts() {
        return new AllPorts(Protocol.SCTP);
    }

    /** Every protocol and port, ICMP included. */
    public static AnyTraffic anyTraffic() {
        return new AnyTraffic();
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    public static HttpRule GET(String path, String... morePaths) {
        return method(HttpMethod.GET, path, morePaths);
    }

    public static HttpRule HEAD(String path, String... morePaths) {
        return method(HttpMethod.HEAD, path, morePaths);
    }

    public static HttpRule POST(String path, String... morePaths) {
        return method(HttpMethod.POST, path, morePaths);
    }

    public static HttpRule PUT(String path, String... morePaths) {
        return method(HttpMethod.PUT, path, morePaths);
    }

    public static HttpRule PATCH(String path, String... morePaths) {
        return method(HttpMethod.PATCH, path, morePaths);
    }

    public static HttpRule DELETE(String path, String... morePaths) {
        return method(HttpMethod.DELETE, path, morePaths);
    }

    public static HttpRule OPTIONS(String path, String... morePaths) {
        return method(HttpMethod.OPTIONS, path, morePaths);
    }

    /** Requests with this method to one of the path patterns ({@code /exact}, {@code /prefix/*}, {@code /a/*}{@code /b}). */
    public static HttpRule method(HttpMethod method, String path, String... morePaths) {
        return HttpRule.of(List.of(method), paths(path, morePaths));
    }

    /** Starts a rule for several methods: {@code http(HttpMethod.GET, HttpMethod.POST).paths("/api/admin*")}. */
    public static HttpMethods http(HttpMethod first, HttpMethod... more) {
        return new HttpMethods(Steps.list(first, more));
    }

    /** HTTP methods waiting for their paths. */
    public static final class HttpMethods {
        private final List<HttpMethod> methods;

        private HttpMethods(List<HttpMethod> methods) {
            this.methods = methods;
        }

        /** Requests with one of the methods to one of the path patterns. */
        public HttpRule paths(String path, String... morePaths) {
            return HttpRule.of(methods, Kordon.paths(path, morePaths));
        }
    }

    /** Requests with any method to one of the path patterns. */
    public static HttpRule anyMethod(String path, String... morePaths) {
        return HttpRule.of(List.of(), paths(path, morePaths));
    }

    private static List<PathPattern> paths(String first, String... more) {
        List<PathPattern> paths = new ArrayList<>();
        for (String path : Steps.list(first, more)) {
            paths.add(PathPattern.of(path));
        }
        return paths;
    }

    /** Every method of a gRPC service: HTTP/2 {@code POST /package.Service/*}. */
    public static HttpRule grpc(String service) {
        return HttpRule.of(List.of(HttpMethod.POST), List.of(PathPattern.prefix("/" + service + "/")));
    }

    /** One gRPC method: HTTP/2 {@code POST /package.Service/Method}. */
    public static HttpRule grpc(String service, String method) {
        return HttpRule.of(List.of(HttpMethod.POST), List.of(PathPattern.of("/" + service + "/" + method)));
    }

    // ---- request conditions ------------------------------------------------------------------------------------

    /** The request's JWT identity ({@code issuer/subject}) matches one of the patterns. */
    public static Condition requestPrincipal(String first, String... more) {
        return new Condition.RequestPrincipal(Steps.list(first, more));
    }

    /** The request carries any valid JWT. */
    public static Condition anyRequestPrincipal() {
        return new Condition.RequestPrincipal(List.of("*"));
    }

    /** Starts a JWT claim condition; several names address a nested claim: {@code jwtClaim("realm_access", "roles")}. */
    public static ClaimName jwtClaim(String name, String... nested) {
        return new ClaimName(Steps.list(name, nested));
    }

    /** A JWT claim waiting for its values. */
    public static final class ClaimName {
        private final List<String> path;

        private ClaimName(List<String> path) {
            this.path = path;
        }

        /** The claim equals, or (for a list claim) contains, one of the values. */
        public Condition anyOf(String first, String... more) {
            return new Condition.JwtClaim(path, Steps.list(first, more));
        }
    }
}
