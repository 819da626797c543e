package dev.kordon.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.kordon.dsl.AllPorts;
import dev.kordon.dsl.AnyTraffic;
import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Condition;
import dev.kordon.dsl.DnsName;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.HeaderMatch;
import dev.kordon.dsl.HttpMethod;
import dev.kordon.dsl.HttpRule;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.LabelRequirement;
import dev.kordon.dsl.LabelSelector;
import dev.kordon.dsl.NamedPort;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.PathPattern;
import dev.kordon.dsl.Nodes;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.PortMatch;
import dev.kordon.dsl.PortNumber;
import dev.kordon.dsl.PortRange;
import dev.kordon.dsl.Protocol;
import dev.kordon.dsl.ServiceAccountRef;
import dev.kordon.dsl.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * DSL values written back as the DSL calls that build them ({@code labels("app", "web")}, {@code tcp(8080)},
 * {@code pods(inNamespace("shop"), …)}, {@code GET("/api/*")}, {@code jwtClaim("role").anyOf("admin")}), for source that reads as if a person had written it. Calls go through
 * {@link #KORDON}, which generated files import statically, so they print without the class name. A peer that is a
 * workload known under a constant is written as that constant.
 */
public final class DslSource {

    /** The DSL's entry point; generated files import its members statically. */
    public static final ClassName KORDON = ClassName.get(Kordon.class);

    private static final ClassName LABEL_SELECTOR = ClassName.get(LabelSelector.class);
    private static final ClassName HTTP_RULE = ClassName.get(HttpRule.class);
    private static final ClassName HTTP_METHOD = ClassName.get(HttpMethod.class);

    /** The methods with a factory of their own in {@link Kordon}: {@code GET("/a")}. */
    private static final List<HttpMethod> METHOD_FACTORIES = List.of(HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final Map<Workload, CodeBlock> workloads;

    /** Writes workloads as the constants given, every other peer as DSL calls. */
    public DslSource(Map<Workload, CodeBlock> workloads) {
        this.workloads = Map.copyOf(Objects.requireNonNull(workloads, "workloads"));
    }

    /** Writes every peer as DSL calls. */
    public DslSource() {
        this(Map.of());
    }

    /** {@code labels("app", "web").and(label("tier").in("a", "b"))}, or {@code LabelSelector.matchingAll()}. */
    public static CodeBlock selector(LabelSelector selector) {
        if (selector.requirements().isEmpty()) {
            return CodeBlock.of("$T.matchingAll()", LABEL_SELECTOR);
        }
        CodeBlock.Builder code = CodeBlock.builder();
        List<LabelRequirement> requirements = selector.requirements();
        for (int i = 0; i < requirements.size(); i++) {
            LabelRequirement requirement = requirements.get(i);
            if (i == 0) {
                code.add(requirement(requirement));
            } else if (requirement.isEquality()) {
                code.add("$Z.and($S, $S)", requirement.key(), requirement.values().get(0));
            } else {
                code.add("$Z.and($L)", requirement(requirement));
            }
        }
        return code.build();
    }

    private static CodeBlock requirement(LabelRequirement requirement) {
        if (requirement.isEquality()) {
            return CodeBlock.of("$T.labels($S, $S)", KORDON, requirement.key(), requirement.values().get(0));
        }
        CodeBlock key = CodeBlock.of("$T.label($S)", KORDON, requirement.key());
        return switch (requirement.operator()) {
            case IN -> CodeBlock.of("$L.in($L)", key, strings(requirement.values()));
            case NOT_IN -> CodeBlock.of("$L.notIn($L)", key, strings(requirement.values()));
            case EXISTS -> CodeBlock.of("$L.exists()", key);
            case DOES_NOT_EXIST -> CodeBlock.of("$L.doesNotExist()", key);
        };
    }

    /** {@code "a", "b"}: string literals separated by commas. */
    public static CodeBlock strings(List<String> values) {
        return values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(",$W"));
    }

    /** {@code tcp(8080)}, {@code udpRange(1, 9)}, {@code tcp("http")}, {@code allSctpPorts()}, {@code anyTraffic()}. */
    public static CodeBlock port(PortMatch port) {
        // "$T." must be followed by the method name as text, for the static import to shorten the call.
        if (port instanceof PortNumber number) {
            return CodeBlock.of("$T." + protocol(number.protocol()) + "($L)", KORDON, number.port());
        }
        if (port instanceof PortRange range) {
            return CodeBlock.of("$T." + protocol(range.protocol()) + "Range($L, $L)", KORDON, range.from(),
                    range.to());
        }
        if (port instanceof NamedPort named) {
            return CodeBlock.of("$T." + protocol(named.protocol()) + "($S)", KORDON, named.name());
        }
        if (port instanceof AllPorts all) {
            return CodeBlock.of("$T.all" + protocolWord(all.protocol()) + "Ports()", KORDON);
        }
        if (port instanceof AnyTraffic) {
            return CodeBlock.of("$T.anyTraffic()", KORDON);
        }
        throw new IllegalArgumentException("not a port match: " + port);
    }

    /** The ports of a list, separated by commas. */
    public static CodeBlock ports(List<? extends PortMatch> ports) {
        return ports.stream().map(DslSource::port).collect(CodeBlock.joining(",$W"));
    }

    private static String protocol(Protocol protocol) {
        return protocol.name().toLowerCase(Locale.ROOT);
    }

    private static String protocolWord(Protocol protocol) {
        String lower = protocol(protocol);
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }

    /**
     * An HTTP rule as the DSL call that builds it: {@code GET("/a", "/b")}, {@code anyMethod("/a")},
     * {@code http(HttpMethod.GET, HttpMethod.POST).paths("/a")}, or {@code HttpRule.of(List.of(HttpMethod.GET),
     * List.of())} for a rule without paths; then {@code .withHost(...)} and {@code .withHeader(...)}.
     */
    public static CodeBlock http(HttpRule rule) {
        List<HttpMethod> methods = rule.methods();
        CodeBlock paths = strings(rule.paths().stream().map(PathPattern::glob).toList());
        CodeBlock.Builder code = CodeBlock.builder();
        if (rule.paths().isEmpty()) {
            code.add("$T.of($T.of($L), $T.of())", HTTP_RULE, List.class, methods(methods), List.class);
        } else if (methods.isEmpty()) {
            code.add("$T.anyMethod($L)", KORDON, paths);
        } else if (methods.size() == 1 && METHOD_FACTORIES.contains(methods.get(0))) {
            code.add("$T." + methods.get(0).token() + "($L)", KORDON, paths);
        } else {
            code.add("$T.http($L)$Z.paths($L)", KORDON, methods(methods), paths);
        }
        rule.hosts().forEach(host -> code.add("$Z.withHost($S)", host));
        for (HeaderMatch header : rule.headers()) {
            if (header instanceof HeaderMatch.Equals equals) {
                code.add("$Z.withHeader($S, $S)", equals.name(), equals.value());
            } else {
                code.add("$Z.withHeader($S)", header.name());
            }
        }
        return code.build();
    }

    private static CodeBlock methods(List<HttpMethod> methods) {
        return methods.stream().map(method -> method.isStandard() ? CodeBlock.of("$T.$L", HTTP_METHOD, method.token())
                : CodeBlock.of("$T.of($S)", HTTP_METHOD, method.token())).collect(CodeBlock.joining(",$W"));
    }

    /** {@code requestPrincipal("iss/sub")}, {@code anyRequestPrincipal()}, {@code jwtClaim("a", "b").anyOf("x")}. */
    public static CodeBlock condition(Condition condition) {
        if (condition instanceof Condition.RequestPrincipal principal) {
            return principal.patterns().equals(List.of("*")) ? CodeBlock.of("$T.anyRequestPrincipal()", KORDON)
                    : CodeBlock.of("$T.requestPrincipal($L)", KORDON, strings(principal.patterns()));
        }
        Condition.JwtClaim claim = (Condition.JwtClaim) condition;
        return CodeBlock.of("$T.jwtClaim($L).anyOf($L)", KORDON, strings(claim.path()), strings(claim.values()));
    }

    /** The peers of a list, separated by commas. */
    public CodeBlock peers(List<? extends Peer> peers) {
        return peers.stream().map(this::peer).collect(CodeBlock.joining(",$W"));
    }

    /** A peer as the DSL call that builds it, or the constant it is known by. */
    public CodeBlock peer(Peer peer) {
        if (workloads.containsKey(peer)) {
            return workloads.get(peer);
        }
        if (peer instanceof Pods pods) {
            return pods(pods);
        }
        if (peer instanceof IpBlock block) {
            CodeBlock cidr = CodeBlock.of("$T.cidr($S)", KORDON, block.cidr().notation());
            return block.except().isEmpty() ? cidr : CodeBlock.of("$L.except($L)", cidr,
                    strings(block.except().stream().map(Cidr::notation).toList()));
        }
        if (peer instanceof Entity entity) {
            return switch (entity) {
                case ANYWHERE -> CodeBlock.of("$T.anywhere()", KORDON);
                case WORLD -> CodeBlock.of("$T.world()", KORDON);
                case KUBE_APISERVER -> CodeBlock.of("$T.kubeApiServer()", KORDON);
            };
        }
        if (peer instanceof Nodes nodes) {
            return nodes.selector().matchesAll() ? CodeBlock.of("$T.allNodes()", KORDON)
                    : CodeBlock.of("$T.nodes($L)", KORDON, selector(nodes.selector()));
        }
        if (peer instanceof ServiceAccountRef account) {
            return CodeBlock.of("$T.serviceAccount($S, $S)", KORDON, account.namespace(), account.name());
        }
        if (peer instanceof DnsName name) {
            return CodeBlock.of("$T.dnsName($S)", KORDON, name.pattern());
        }
        if (peer instanceof Workload workload) {
            return CodeBlock.of("$T.workload($S, $S, $L)", KORDON, workload.namespace(), workload.name(),
                    selector(workload.selector()));
        }
        throw new IllegalArgumentException("not a peer: " + peer);
    }

    private static CodeBlock pods(Pods pods) {
        NamespaceScope scope = pods.namespaces();
        boolean everyPod = pods.selector().matchesAll();
        if (scope instanceof NamespaceScope.Named named) {
            if (everyPod && named.names().size() == 1) {
                return CodeBlock.of("$T.namespace($S)", KORDON, named.names().get(0));
            }
            return CodeBlock.of("$T.pods($T.inNamespace($L), $L)", KORDON, KORDON, strings(named.names()),
                    selector(pods.selector()));
        }
        if (scope instanceof NamespaceScope.Labelled labelled) {
            return everyPod ? CodeBlock.of("$T.namespaces($L)", KORDON, selector(labelled.selector()))
                    : CodeBlock.of("$T.pods($T.inNamespaces($L), $L)", KORDON, KORDON, selector(labelled.selector()),
                    selector(pods.selector()));
        }
        return everyPod ? CodeBlock.of("$T.allPods()", KORDON)
                : CodeBlock.of("$T.pods($T.inAnyNamespace(), $L)", KORDON, KORDON, selector(pods.selector()));
    }
}
