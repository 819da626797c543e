package dev.kordon.codegen.importer;

import dev.kordon.dsl.Cidr;
import dev.kordon.dsl.Condition;
import dev.kordon.dsl.Entity;
import dev.kordon.dsl.IpBlock;
import dev.kordon.dsl.Kordon;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.ServiceAccountRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code from} of an AuthorizationPolicy rule as DSL peers: an exact principal of the trust domain
 * {@code cluster.local} or a {@code serviceAccounts} entry is a {@code serviceAccount(...)}, a namespace its pods, a
 * {@code "*"} principal or namespace every pod (the mesh's identities), {@code ipBlocks} with the {@code notIpBlocks}
 * inside them {@code cidr(...).except(...)}; a source with only request principals is any peer. Every field the DSL
 * cannot say is reported.
 */
final class IstioSources {

    private static final Pattern PRINCIPAL = Pattern.compile("cluster\\.local/ns/([^/*]+)/sa/([^/*]+)");

    private final String namespace;
    private final IstioRules.Report report;

    IstioSources(String namespace, IstioRules.Report report) {
        this.namespace = namespace;
        this.report = report;
    }

    /**
     * The sources, grouped by the request principals they require (none for most): the peers of one group are
     * alternatives. No {@code from} is any source.
     */
    Map<List<Condition>, List<Peer>> of(String path, JsonNode from) {
        Map<List<Condition>, List<Peer>> groups = new LinkedHashMap<>();
        if (from.isMissingNode() || from.isNull()) {
            groups.put(List.of(), List.of(Entity.ANYWHERE));
            return groups;
        }
        for (int i = 0; i < from.size(); i++) {
            String at = path + "[" + i + "].source";
            JsonNode source = from.get(i).path("source");
            List<Condition> principals = new ArrayList<>();
            List<String> requestPrincipals = IstioRules.strings(source.path("requestPrincipals"));
            if (!requestPrincipals.isEmpty()) {
                principals.add(new Condition.RequestPrincipal(requestPrincipals));
            }
            List<Peer> peers = peers(at, source);
            groups.computeIfAbsent(List.copyOf(principals), key -> new ArrayList<>()).addAll(peers);
        }
        groups.replaceAll((key, peers) -> peers.stream().distinct().toList());
        return groups;
    }

    /** The peers of one source, whose fields must all match: only one field of peers can be said. */
    private List<Peer> peers(String at, JsonNode source) {
        List<String> fields = new ArrayList<>();
        source.properties().forEach(field -> fields.add(field.getKey()));
        for (String field : fields) {
            if (field.startsWith("not") && !field.equals("notIpBlocks") || field.contains("remoteIpBlocks")
                    || field.contains("RemoteIpBlocks")) {
                report.unsupported(at + "." + field, why(field), IstioRules.BY_HAND);
            }
        }
        List<String> peerFields = fields.stream()
                .filter(field -> List.of("principals", "namespaces", "serviceAccounts", "ipBlocks").contains(field))
                .toList();
        if (peerFields.size() > 1) {
            report.unsupported(at, "a source whose " + String.join(" and ", peerFields) + " must all match cannot be"
                    + " said in the DSL: a DSL peer is one of them, and several peers are alternatives",
                    "split the source so that each names one kind of peer, if that is what is meant, or " + IstioRules.BY_HAND);
            return List.of();
        }
        if (source.has("notIpBlocks") && !source.has("ipBlocks")) {
            report.unsupported(at + ".notIpBlocks", "notIpBlocks without ipBlocks (every address but these) cannot be"
                    + " said in the DSL: cidr(...).except(...) needs the block the exceptions are cut from",
                    "name the blocks that are allowed in ipBlocks, or " + IstioRules.BY_HAND);
        }
        if (peerFields.isEmpty()) {
            return List.of(Entity.ANYWHERE);
        }
        String field = peerFields.get(0);
        List<Peer> peers = new ArrayList<>();
        List<String> values = IstioRules.strings(source.path(field));
        for (int v = 0; v < values.size(); v++) {
            String valuePath = at + "." + field + "[" + v + "]";
            switch (field) {
                case "principals" -> principal(valuePath, values.get(v)).ifPresent(peers::add);
                case "namespaces" -> namespace(valuePath, values.get(v)).ifPresent(peers::add);
                case "serviceAccounts" -> peers.add(serviceAccount(values.get(v)));
                default -> ipBlock(valuePath, values.get(v), at + ".notIpBlocks", IstioRules.strings(source.path("notIpBlocks")))
                        .ifPresent(peers::add);
            }
        }
        if (field.equals("ipBlocks")) {
            unusedExceptions(at + ".notIpBlocks", values, IstioRules.strings(source.path("notIpBlocks")));
        }
        return peers;
    }

    /** Why a negated field, or one naming the client behind a proxy, cannot be said. */
    static String why(String field) {
        if (field.contains("emoteIpBlocks")) {
            return field + " (the original client address from X-Forwarded-For or the PROXY protocol) cannot be said"
                    + " in the DSL, whose cidr(...) is the address the connection comes from";
        }
        return field + " (every value but these) cannot be said in the DSL, which has no negation of peers,"
                + " requests or conditions";
    }

    /** {@code cluster.local/ns/X/sa/Y} is {@code serviceAccount(X, Y)}; {@code *} (any mTLS identity) every pod. */
    private Optional<Peer> principal(String at, String value) {
        if (value.equals("*")) {
            return Optional.of(Kordon.allPods());
        }
        Matcher matcher = PRINCIPAL.matcher(value);
        if (matcher.matches()) {
            return Optional.of(new ServiceAccountRef(matcher.group(1), matcher.group(2)));
        }
        report.unsupported(at, "the principal '" + value + "' has no DSL peer: only an exact principal of the trust"
                + " domain cluster.local (cluster.local/ns/<namespace>/sa/<account>) is a serviceAccount(...), and"
                + " '*' every pod", "list the service accounts' principals one by one, or " + IstioRules.BY_HAND);
        return Optional.empty();
    }

    /** A namespace name is {@code namespace(n)} (its pods, by their mTLS identity); {@code *} every pod. */
    private Optional<Peer> namespace(String at, String value) {
        if (value.equals("*")) {
            return Optional.of(Kordon.allPods());
        }
        if (!value.contains("*")) {
            return Optional.of(Kordon.namespace(value));
        }
        report.unsupported(at, "the namespace pattern '" + value + "' has no DSL peer: the DSL names namespaces"
                + " exactly", "list the namespaces one by one, or " + IstioRules.BY_HAND);
        return Optional.empty();
    }

    /** {@code ns/sa}, or {@code sa} in the policy's namespace. */
    private Peer serviceAccount(String value) {
        int slash = value.indexOf('/');
        return slash < 0 ? new ServiceAccountRef(namespace, value)
                : new ServiceAccountRef(value.substring(0, slash), value.substring(slash + 1));
    }

    /** An address or CIDR, with the {@code notIpBlocks} that lie inside it as its exceptions. */
    private Optional<Peer> ipBlock(String at, String value, String exceptAt, List<String> notIpBlocks) {
        Cidr cidr = cidr(value);
        List<Cidr> except = new ArrayList<>();
        for (String not : notIpBlocks) {
            Cidr hole = cidr(not);
            if (hole.contains(cidr)) {
                report.unsupported(exceptAt, "notIpBlocks '" + not + "' takes out the whole of ipBlocks '" + value
                        + "', which cidr(...).except(...) cannot say", "remove '" + value + "' from ipBlocks");
                return Optional.empty();
            }
            if (cidr.contains(hole)) {
                except.add(hole);
            }
        }
        return Optional.of(new IpBlock(cidr, except));
    }

    /** A {@code notIpBlocks} entry that lies inside no ipBlock only partly overlaps one, or none: report the first. */
    private void unusedExceptions(String at, List<String> ipBlocks, List<String> notIpBlocks) {
        for (String not : notIpBlocks) {
            Cidr hole = cidr(not);
            boolean inside = ipBlocks.stream().map(IstioSources::cidr).anyMatch(block -> block.contains(hole)
                    || hole.contains(block));
            boolean overlaps = ipBlocks.stream().map(IstioSources::cidr).anyMatch(block -> block.overlaps(hole));
            if (!inside && overlaps) {
                report.unsupported(at, "notIpBlocks '" + not + "' overlaps an ipBlock without lying inside it, which"
                        + " cidr(...).except(...) cannot say", "split the exception along the ipBlocks");
            }
        }
    }

    private static Cidr cidr(String value) {
        return Cidr.of(value.contains("/") ? value : value + (value.contains(":") ? "/128" : "/32"));
    }
}
