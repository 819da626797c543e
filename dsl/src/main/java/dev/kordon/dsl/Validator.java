package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a whole policy set and collects every problem: first the syntax of every value, then what the intents
 * mean together. Never stops at the first problem and never changes the policy set.
 */
final class Validator {

    private final List<Problem> problems = new ArrayList<>();
    /** Where the intent being checked was declared, attached to every problem found in it. */
    private List<String> current = List.of();

    static ValidationResult validate(PolicySet set) {
        Validator validator = new Validator();
        validator.policySet(set);
        return new ValidationResult(set.name(), validator.problems);
    }

    private void report(String path, String message, String hint, List<String> at) {
        problems.add(new Problem(path, message, hint, at));
    }

    private void report(String path, String message, String hint) {
        report(path, message, hint, current);
    }

    // ---- the policy set -------------------------------------------------------------------------------------

    private void policySet(PolicySet set) {
        String root = "policySets[" + set.name() + "]";
        dnsLabel(root + ".name", "policy set name", set.name(), List.of());
        workloads(root, set.workloads());
        Map<String, List<Intent>> byName = new LinkedHashMap<>();
        for (Intent intent : set.intents()) {
            byName.computeIfAbsent(intent.name(), name -> new ArrayList<>()).add(intent);
        }
        byName.forEach((name, intents) -> {
            if (intents.size() > 1) {
                report(root + ".intents[" + name + "]", intents.size() + " intents are named '" + name + "'",
                        "give each intent a distinct name with .named(\"...\")", locations(intents));
            }
        });
        for (Intent intent : set.intents()) {
            String path = root + ".intents[" + intent.name() + "]";
            List<String> at = locations(List.of(intent));
            current = at;
            boolean guardrail = intent instanceof Connection && ((Connection) intent).isGuardrail();
            dnsLabel(path + ".name", guardrail ? "guardrail name" : "intent name", intent.name(), at);
            if (intent instanceof Connection) {
                connection(path, (Connection) intent, at);
            } else {
                isolation(path, (Isolation) intent, at);
            }
        }
        current = List.of();
        conflicts(root, set.connections());
    }

    private static List<String> locations(List<? extends Intent> intents) {
        List<String> at = new ArrayList<>();
        for (Intent intent : intents) {
            intent.origin().location().ifPresent(at::add);
        }
        return at;
    }

    private void workloads(String root, List<Workload> workloads) {
        Map<String, Workload> seen = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            String id = workload.namespace() + "/" + workload.name();
            String path = root + ".workloads[" + id + "]";
            Workload earlier = seen.putIfAbsent(id, workload);
            if (earlier != null) {
                report(path, "workload '" + id + "' is declared twice with different definitions: " + earlier
                        + " and " + workload, "declare each workload once, as a constant shared by every intent");
                continue;
            }
            dnsLabel(path + ".namespace", "namespace name", workload.namespace(), List.of());
            dnsLabel(path + ".name", "workload name", workload.name(), List.of());
            if (workload.selector().matchesAll()) {
                report(path + ".selector", "workload selector is empty, so it selects every pod of namespace '"
                        + workload.namespace() + "'", "give the workload's pod labels, or use namespace(\""
                        + workload.namespace() + "\") for every pod of the namespace");
            }
            selector(path + ".selector", workload.selector(), false);
            workload.serviceAccount().ifPresent(account ->
                    dnsSubdomain(path + ".serviceAccount", "service account name", account));
            workload.ports().forEach((name, port) -> {
                if (!Syntax.isIanaServiceName(name)) {
                    report(path + ".ports[" + name + "]", "named port is not an IANA service name: '" + name + "'",
                            IANA_HINT);
                }
                portMatch(path + ".ports[" + name + "]", port);
            });
        }
    }

    // ---- intents ------------------------------------------------------------------------------------------

    private void connection(String path, Connection connection, List<String> at) {
        if (connection.isGuardrail() && (connection.priority() < 0 || connection.priority() > 1000)) {
            report(path + ".priority", "priority out of range 0..1000: " + connection.priority(),
                    "admin and baseline priorities run from 0 (evaluated first) to 1000 (evaluated last)", at);
        }
        if (!connection.isGuardrail() && connection.action() == Action.PASS) {
            report(path + ".action", "pass is only valid in the admin and baseline tiers",
                    "use allow or deny here, or declare a guardrail(...) to pass to the next tier", at);
        }
        if (connection.sources().isEmpty()) {
            report(path + ".from", "connection has no sources", "name who sends the traffic", at);
        }
        if (connection.destinations().isEmpty()) {
            report(path + ".to", "connection has no destinations", "name who receives the traffic", at);
        }
        if (connection.ports().isEmpty()) {
            report(path + ".ports", "connection has no ports", "name the ports, or anyTraffic() for every protocol", at);
        }
        if (connection.enforcedAt().isEmpty()) {
            report(path, "connection is enforced at no side", "enforce it at egress, ingress or both", at);
        }
        peers(path + ".from", connection.sources());
        peers(path + ".to", connection.destinations());
        for (int i = 0; i < connection.sources().size(); i++) {
            Peer source = connection.sources().get(i);
            if (source instanceof DnsName) {
                report(path + ".from[" + i + "]", "DNS names can only be destinations: '" + source + "'",
                        "for traffic from outside the cluster use cidr(...) or world()", at);
            }
        }
        for (int i = 0; i < connection.ports().size(); i++) {
            portMatch(path + ".ports[" + i + "]", connection.ports().get(i));
        }
        for (int i = 0; i < connection.http().size(); i++) {
            httpRule(path + ".http[" + i + "]", connection.http().get(i));
        }
        conditions(path, connection, at);
        if (connection.isL7()) {
            for (int i = 0; i < connection.ports().size(); i++) {
                PortMatch port = connection.ports().get(i);
                if (!port.isTcpOnly()) {
                    report(path + ".ports[" + i + "]", "HTTP rules and request conditions need TCP traffic, but '"
                            + port + "' is not only TCP", "put the non-TCP ports in a separate intent without HTTP"
                            + " rules or conditions", at);
                }
            }
        }
        enforcement(path, connection, at);
        namedPorts(path, connection, at);
    }

    /**
     * A named port must name a port of a destination pod: some destination must be pods (or anywhere()), and the
     * destination workloads that declare their ports must have it, with its protocol.
     */
    private void namedPorts(String path, Connection connection, List<String> at) {
        boolean podDestination = connection.destinations().stream()
                .anyMatch(peer -> peer.isPods() || peer == Entity.ANYWHERE);
        for (int i = 0; i < connection.ports().size() && !podDestination; i++) {
            if (connection.ports().get(i) instanceof NamedPort named) {
                report(path + ".ports[" + i + "]", "named port '" + named + "' names a container port of a"
                        + " destination pod, but every destination is an address, a node or a name outside the pod"
                        + " network, which has no named ports", "write the port number, or name the destination"
                        + " pods", at);
            }
        }
        List<Workload> destinations = new ArrayList<>();
        for (Peer destination : connection.destinations()) {
            if (!(destination instanceof Workload) || ((Workload) destination).ports().isEmpty()) {
                return;
            }
            destinations.add((Workload) destination);
        }
        for (int i = 0; i < connection.ports().size(); i++) {
            if (!(connection.ports().get(i) instanceof NamedPort)) {
                continue;
            }
            NamedPort named = (NamedPort) connection.ports().get(i);
            List<String> declared = new ArrayList<>();
            boolean found = false;
            for (Workload workload : destinations) {
                PortNumber port = workload.ports().get(named.name());
                found |= port != null && port.protocol() == named.protocol();
                declared.add(workload.namespace() + "/" + workload.name() + " declares "
                        + (workload.ports().containsKey(named.name()) ? "'" + named.name() + "' as " + port
                        : String.join(", ", workload.ports().keySet())));
            }
            if (!found) {
                report(path + ".ports[" + i + "]", "named port '" + named + "' is not declared by any destination"
                        + " workload: " + String.join("; ", declared), "use a name and protocol the destination"
                        + " declares with withPort(...), or a port number", at);
            }
        }
    }

    private void enforcement(String path, Connection connection, List<String> at) {
        if (!connection.isGuardrail() && connection.enforcedAt().size() == 1 && !connection.effectiveSides().isEmpty()) {
            boolean egress = connection.enforcedAt().contains(Direction.EGRESS);
            List<Peer> subjects = egress ? connection.sources() : connection.destinations();
            for (int i = 0; i < subjects.size(); i++) {
                if (!subjects.get(i).isPods()) {
                    report(path + (egress ? ".from[" : ".to[") + i + "]", "'" + subjects.get(i) + "' is never"
                            + " enforced: this intent is enforced only at " + (egress ? "egress, on its source" : "ingress,"
                            + " on its destination") + " pods", "remove " + (egress ? "onlyEgress()" : "onlyIngress()")
                            + ", or declare it in a separate intent", at);
                }
            }
        }
        if (connection.isGuardrail()) {
            guardrailSubject(path, connection, Direction.EGRESS, ".from", connection.sources(), "source", at);
            guardrailSubject(path, connection, Direction.INGRESS, ".to", connection.destinations(), "destination", at);
        } else if (!connection.enforcedAt().isEmpty() && connection.effectiveSides().isEmpty()
                && !connection.sources().isEmpty() && !connection.destinations().isEmpty()) {
            if (connection.enforcedAt().size() == 2) {
                report(path, "intent is enforced nowhere: neither its sources nor its destinations are pods",
                        "name pods on at least one side: a workload, namespace(...), allPods() or a service account",
                        at);
            } else {
                boolean egress = connection.enforcedAt().contains(Direction.EGRESS);
                report(path, "intent is enforced nowhere: it is only enforced at " + (egress ? "egress" : "ingress")
                        + ", but no " + (egress ? "source" : "destination") + " is a set of pods",
                        "remove " + (egress ? "onlyEgress()" : "onlyIngress()") + ", or name pods on that side", at);
            }
        }
    }

    private void guardrailSubject(String path, Connection connection, Direction side, String field, List<Peer> peers,
            String role, List<String> at) {
        if (!connection.enforcedAt().contains(side) || peers.isEmpty()) {
            return;
        }
        if (peers.stream().noneMatch(Peer::isPods)) {
            report(path + field, "guardrail has no subject: " + side + " guardrails are enforced at their " + role
                    + " pods, but no " + role + " is a set of pods", "name the pods it protects: allPods(),"
                    + " namespace(...), namespaces(labels(...)) or a workload", at);
            return;
        }
        for (int i = 0; i < peers.size(); i++) {
            if (!peers.get(i).isPods()) {
                report(path + field + "[" + i + "]", "only pods can be the subject of an " + side + " guardrail, but '"
                        + peers.get(i) + "' is not a set of pods", "move it to the other side of the rule, or remove it",
                        at);
            }
        }
    }

    private void isolation(String path, Isolation isolation, List<String> at) {
        if (isolation.subjects().isEmpty()) {
            report(path + ".subjects", "isolation has no subjects", "name the pods to isolate", at);
        }
        if (isolation.directions().isEmpty()) {
            report(path + ".directions", "isolation has no directions",
                    "isolate ingress(), egress() or ingressAndEgress()", at);
        }
        peers(path + ".subjects", isolation.subjects());
        for (int i = 0; i < isolation.subjects().size(); i++) {
            Peer subject = isolation.subjects().get(i);
            if (!subject.isPods()) {
                report(path + ".subjects[" + i + "]", "only pods can be isolated, but '" + subject
                        + "' is not a set of pods", "isolate a workload, namespace(...), namespaces(labels(...)) or"
                        + " allPods()", at);
            }
        }
    }

    private void conflicts(String root, List<Connection> connections) {
        for (int i = 0; i < connections.size(); i++) {
            for (int j = i + 1; j < connections.size(); j++) {
                Connection a = connections.get(i);
                Connection b = connections.get(j);
                if (a.isGuardrail() && a.tier() == b.tier() && a.priority() == b.priority()
                        && a.action() != b.action() && a.action() != Action.AUDIT && b.action() != Action.AUDIT
                        && Overlaps.mayOverlap(a, b)) {
                    report(root + ".intents[" + a.name() + "]", "intents '" + a.name() + "' (" + a.action() + ") and '"
                            + b.name() + "' (" + b.action() + ") have the same tier and priority (" + a.tier() + " "
                            + a.priority() + ") and can match the same traffic, so which one applies is undefined",
                            "give one of them a different priority (lower is evaluated first), or narrow them so"
                            + " that they cannot overlap", locations(List.of(a, b)));
                }
            }
        }
    }

    // ---- peers and selectors ------------------------------------------------------------------------------

    private void peers(String path, List<Peer> peers) {
        for (int i = 0; i < peers.size(); i++) {
            peer(path + "[" + i + "]", peers.get(i));
        }
    }

    private void peer(String path, Peer peer) {
        if (peer instanceof Pods) {
            Pods pods = (Pods) peer;
            namespaceScope(path + ".namespaces", pods.namespaces());
            selector(path + ".selector", pods.selector());
        } else if (peer instanceof ServiceAccountRef) {
            ServiceAccountRef account = (ServiceAccountRef) peer;
            dnsLabel(path + ".namespace", "namespace name", account.namespace(), current);
            if (account.name().isEmpty()) {
                report(path + ".name", "service account name must not be empty", "declare it on the workload with"
                        + " .withServiceAccount(\"name\"), or write serviceAccount(namespace, name)");
            } else {
                dnsSubdomain(path + ".name", "service account name", account.name());
            }
        } else if (peer instanceof Nodes) {
            selector(path + ".selector", ((Nodes) peer).selector());
        } else if (peer instanceof IpBlock) {
            ipBlock(path, (IpBlock) peer);
        } else if (peer instanceof DnsName) {
            String pattern = ((DnsName) peer).pattern();
            if (!Syntax.isDnsPattern(pattern, 1)) {
                report(path, "not a DNS name pattern: '" + pattern + "'", DNS_HINT);
            } else if (!Syntax.isDnsPattern(pattern, 2)) {
                report(path, "DNS name needs at least two labels: '" + pattern + "'",
                        "write the fully qualified name, e.g. 'api.example.com'");
            }
        }
    }

    private void namespaceScope(String path, NamespaceScope scope) {
        if (scope instanceof NamespaceScope.Named) {
            List<String> names = ((NamespaceScope.Named) scope).names();
            if (names.isEmpty()) {
                report(path + ".names", "namespace list is empty", "name at least one namespace");
            }
            for (int i = 0; i < names.size(); i++) {
                dnsLabel(path + ".names[" + i + "]", "namespace name", names.get(i), current);
            }
        } else if (scope instanceof NamespaceScope.Labelled) {
            selector(path + ".selector", ((NamespaceScope.Labelled) scope).selector());
        }
    }

    private void selector(String path, LabelSelector selector) {
        selector(path, selector, true);
    }

    private void selector(String path, LabelSelector selector, boolean reportEmpty) {
        if (reportEmpty && selector.isAccidentallyEmpty()) {
            report(path, "selector has no requirements, so it matches everything in its scope",
                    "name the labels to match; to select everything say so with namespace(...), allPods(),"
                    + " allNodes() or LabelSelector.matchingAll()");
        }
        for (int i = 0; i < selector.requirements().size(); i++) {
            requirement(path + ".requirements[" + i + "]", selector.requirements().get(i));
        }
        Optional<List<LabelRequirement>> contradiction = Selectors.contradiction(selector);
        if (contradiction.isPresent()) {
            List<String> texts = new ArrayList<>();
            for (LabelRequirement requirement : contradiction.get()) {
                texts.add("'" + requirement + "'");
            }
            String key = contradiction.get().get(0).key();
            report(path, "selector can never match: no value of label '" + key + "' satisfies "
                    + (texts.size() == 2 ? "both " + texts.get(0) + " and " + texts.get(1) : "all of "
                    + String.join(", ", texts)), "remove the requirement on '" + key + "' that you did not mean");
        }
    }

    private void requirement(String path, LabelRequirement requirement) {
        labelKey(path + ".key", requirement.key());
        if (requirement.operator().takesValues() && requirement.values().isEmpty()) {
            report(path + ".values", "operator " + requirement.operator() + " needs at least one value",
                    "list the values, or use exists()/doesNotExist()");
        }
        if (!requirement.operator().takesValues() && !requirement.values().isEmpty()) {
            report(path + ".values", "operator " + requirement.operator() + " takes no values",
                    "remove the values, or use in(...)/notIn(...)");
        }
        for (String value : requirement.values()) {
            if (!Syntax.isLabelValue(value)) {
                report(path + ".values", "label value is not valid: '" + value + "'", "a label value is empty or at"
                        + " most 63 letters, digits, '-', '_' and '.', beginning and ending with a letter or digit");
            }
        }
    }

    private void labelKey(String path, String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? "" : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && !Syntax.isDns1123Subdomain(prefix)) {
            report(path, "label key prefix is not a DNS-1123 subdomain: '" + prefix + "'",
                    "write the prefix as a lower-case DNS name of at most 253 characters, e.g."
                    + " 'app.kubernetes.io/name'");
        }
        if (!Syntax.isLabelName(name)) {
            report(path, "label key name is not valid: '" + name + "'", "a label key name is at most 63 letters,"
                    + " digits, '-', '_' and '.', beginning and ending with a letter or digit, e.g. 'app'");
        }
    }

    private void ipBlock(String path, IpBlock block) {
        boolean cidrValid = cidr(path + ".cidr", block.cidr());
        for (int i = 0; i < block.except().size(); i++) {
            Cidr except = block.except().get(i);
            String exceptPath = path + ".except[" + i + "]";
            if (!cidr(exceptPath, except) || !cidrValid) {
                continue;
            }
            if (!block.cidr().contains(except)) {
                report(exceptPath, "exception '" + except + "' is not inside '" + block.cidr() + "'",
                        "every exception must be a smaller network inside the block, of the same IP family");
            } else if (except.prefixLength().equals(block.cidr().prefixLength())) {
                report(exceptPath, "exception '" + except + "' removes the whole block '" + block.cidr() + "'",
                        "remove the block, or make the exception a smaller network inside it");
            }
        }
    }

    private boolean cidr(String path, Cidr cidr) {
        Optional<IpNetwork> network = cidr.network();
        if (network.isEmpty()) {
            report(path, "not a CIDR: '" + cidr + "'",
                    "write an address and a prefix length, e.g. '10.0.0.0/8', '10.0.0.1/32' or '2001:db8::/32'");
            return false;
        }
        if (!network.get().isCanonical()) {
            report(path, "CIDR has bits set after its prefix: '" + cidr + "'", "did you mean '"
                    + network.get().network() + "'? For a single address write '" + network.get().addressText() + "/"
                    + (network.get().isIpv6() ? 128 : 32) + "'");
            return false;
        }
        return true;
    }

    // ---- traffic ------------------------------------------------------------------------------------------

    private static final String IANA_HINT = "use at most 15 lower-case letters, digits and '-', with at least one"
            + " letter and no leading, trailing or double '-', e.g. 'http'";

    private static final String DNS_HINT = "write a name such as 'api.example.com', or '*.example.com' for every"
            + " subdomain; '*' may only stand as the whole first label";

    private void portMatch(String path, PortMatch port) {
        if (port instanceof PortNumber) {
            portNumber(path, ((PortNumber) port).port());
        } else if (port instanceof PortRange) {
            PortRange range = (PortRange) port;
            portNumber(path, range.from());
            portNumber(path, range.to());
            if (range.from() > range.to()) {
                report(path, "port range starts after it ends: " + range.from() + "-" + range.to(),
                        "write the lower port first: " + range.protocol() + "Range(" + range.to() + ", "
                        + range.from() + ")");
            }
        } else if (port instanceof NamedPort) {
            String name = ((NamedPort) port).name();
            if (!Syntax.isIanaServiceName(name)) {
                report(path, "named port is not an IANA service name: '" + name + "'", IANA_HINT);
            }
        }
    }

    private void portNumber(String path, int port) {
        if (!Syntax.isPort(port)) {
            report(path, "port out of range 1..65535: " + port,
                    "use a port from 1 to 65535; for every port of a protocol write allTcpPorts(), allUdpPorts() or"
                    + " allSctpPorts()");
        }
    }

    private void httpRule(String path, HttpRule rule) {
        boolean anyPath = rule.paths().isEmpty() || rule.paths().stream().anyMatch(p -> p.glob().equals("/*"));
        if (rule.methods().isEmpty() && anyPath && rule.hosts().isEmpty() && rule.headers().isEmpty()) {
            report(path, "HTTP rule matches every request",
                    "name methods or paths; for access without HTTP limits leave the HTTP rules out");
        }
        for (int i = 0; i < rule.methods().size(); i++) {
            HttpMethod method = rule.methods().get(i);
            if (!method.isStandard()) {
                report(path + ".methods[" + i + "]", "unknown HTTP method: '" + method + "'",
                        "methods are upper-case and case-sensitive; use one of " + HttpMethod.STANDARD.stream()
                        .map(HttpMethod::token).reduce((x, y) -> x + ", " + y).orElse(""));
            }
        }
        for (int i = 0; i < rule.paths().size(); i++) {
            path(path + ".paths[" + i + "]", rule.paths().get(i).glob());
        }
        for (int i = 0; i < rule.hosts().size(); i++) {
            String host = rule.hosts().get(i);
            if (!Syntax.isDnsPattern(host, 1)) {
                report(path + ".hosts[" + i + "]", "not a host name pattern: '" + host + "'", DNS_HINT);
            }
        }
        for (int i = 0; i < rule.headers().size(); i++) {
            HeaderMatch header = rule.headers().get(i);
            if (!Syntax.isHeaderName(header.name())) {
                report(path + ".headers[" + i + "]", "HTTP header name is not a token: '" + header.name() + "'",
                        "use letters, digits and !#$%&'*+-.^_`|~ only; match the host with withHost(...)");
            }
            if (header instanceof HeaderMatch.Equals
                    && ((HeaderMatch.Equals) header).value().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                report(path + ".headers[" + i + "]", "HTTP header value contains a control character",
                        "remove line breaks and other control characters from the value");
            }
        }
    }

    private void path(String path, String glob) {
        if (!glob.startsWith("/")) {
            report(path, "HTTP path must start with '/': '" + glob + "'", "write '/" + glob + "'");
        }
        if (glob.contains("?") || glob.contains("#")) {
            report(path, "HTTP path must not contain a query or fragment: '" + glob + "'",
                    "paths are matched without the query string; drop everything from '?' or '#'");
        }
        if (Syntax.hasControlOrSpace(glob)) {
            report(path, "HTTP path contains whitespace or a control character: '" + glob + "'",
                    "percent-encode it, e.g. '%20' for a space");
        }
        if (glob.contains("**")) {
            report(path, "HTTP path glob contains '**': '" + glob + "'",
                    "a single '*' already matches across '/', e.g. '/api/*'");
        }
    }

    private void conditions(String path, Connection connection, List<String> at) {
        boolean hasIdentity = connection.conditions().stream().anyMatch(c -> c instanceof Condition.RequestPrincipal);
        for (int i = 0; i < connection.conditions().size(); i++) {
            Condition condition = connection.conditions().get(i);
            String conditionPath = path + ".when[" + i + "]";
            if (condition instanceof Condition.RequestPrincipal) {
                for (String pattern : ((Condition.RequestPrincipal) condition).patterns()) {
                    requestPrincipal(conditionPath, pattern);
                }
            } else {
                Condition.JwtClaim claim = (Condition.JwtClaim) condition;
                if (claim.path().isEmpty()) {
                    report(conditionPath, "JWT claim condition names no claim", "name the claim: jwtClaim(\"role\")");
                }
                for (String segment : claim.path()) {
                    if (segment.isEmpty() || segment.contains("[") || segment.contains("]")) {
                        report(conditionPath, "JWT claim name is not valid: '" + segment + "'", "give nested claims as"
                                + " separate names without brackets: jwtClaim(\"realm_access\", \"roles\")");
                    }
                }
                if (claim.values().isEmpty()) {
                    report(conditionPath, "JWT claim condition has no values", "list the accepted values: anyOf(...)");
                }
                if (!hasIdentity && (connection.action() == Action.DENY || connection.action() == Action.PASS)) {
                    report(conditionPath, "JWT claim condition '" + claim + "' of a " + connection.action()
                            + " has no request identity to come from", "add requestPrincipal(\"issuer/subject\") or"
                            + " anyRequestPrincipal() to the same intent, so that requests without a valid JWT cannot"
                            + " slip past it", at);
                }
            }
        }
    }

    private void requestPrincipal(String path, String pattern) {
        if (pattern.equals("*")) {
            return;
        }
        int slash = pattern.lastIndexOf('/');
        String issuer = slash <= 0 ? "" : pattern.substring(0, slash);
        if (slash <= 0 || slash == pattern.length() - 1 || issuer.endsWith("/") || issuer.endsWith(":")) {
            report(path, "request principal is not 'issuer/subject': '" + pattern + "'", "write"
                    + " 'https://issuer.example/alice', 'https://issuer.example/*', or '*' for any valid JWT");
            return;
        }
        for (String side : List.of(issuer, pattern.substring(slash + 1))) {
            long stars = side.chars().filter(c -> c == '*').count();
            boolean atAnEnd = side.startsWith("*") || side.endsWith("*");
            if (stars > 1 || stars == 1 && !atAnEnd) {
                report(path, "request principal may use '*' only at the start or end of the issuer and of the"
                        + " subject: '" + pattern + "'", "write 'https://issuer.example/*' or '*/alice'");
                return;
            }
        }
    }

    // ---- names --------------------------------------------------------------------------------------------

    private void dnsLabel(String path, String what, String value, List<String> at) {
        if (value.isEmpty()) {
            report(path, what + " must not be empty", Syntax.labelHint("shop"), at);
        } else if (!Syntax.isDns1123Label(value)) {
            report(path, what + " is not a DNS-1123 label: '" + value + "'",
                    Syntax.labelHint(Names.dns1123Label(value)), at);
        }
    }

    private void dnsSubdomain(String path, String what, String value) {
        if (!Syntax.isDns1123Subdomain(value)) {
            report(path, what + " is not a DNS-1123 subdomain: '" + value + "'", "use at most 253 lower-case"
                    + " letters, digits, '-' and '.', each dot-separated part beginning and ending with a letter or"
                    + " digit");
        }
    }
}
