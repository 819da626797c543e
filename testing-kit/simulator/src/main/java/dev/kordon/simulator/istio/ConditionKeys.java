package dev.kordon.simulator.istio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code when} keys Istio's proxies understand ({@code request.headers[..]}, {@code source.ip},
 * {@code request.auth.claims[a][b]}, ...), each with how its values are read.
 */
final class ConditionKeys {

    /** A known key: how its values are read, and its header name or claim path. */
    record Key(CriterionParser.Kind kind, List<String> key) {
        Key {
            key = List.copyOf(key);
        }
    }

    private static final Map<String, CriterionParser.Kind> PLAIN = Map.ofEntries(
            Map.entry("source.ip", CriterionParser.Kind.SOURCE_ADDRESS),
            Map.entry("remote.ip", CriterionParser.Kind.REMOTE_ADDRESS),
            Map.entry("source.namespace", CriterionParser.Kind.NAMESPACE),
            Map.entry("source.principal", CriterionParser.Kind.PRINCIPAL),
            Map.entry("source.serviceAccount", CriterionParser.Kind.SERVICE_ACCOUNT),
            Map.entry("request.auth.principal", CriterionParser.Kind.REQUEST_PRINCIPAL),
            Map.entry("destination.ip", CriterionParser.Kind.DESTINATION_ADDRESS),
            Map.entry("destination.port", CriterionParser.Kind.PORT),
            Map.entry("connection.sni", CriterionParser.Kind.SNI));

    private final Yaml yaml;

    ConditionKeys(Yaml yaml) {
        this.yaml = yaml;
    }

    /**
     * The reading of a key; empty when Istio does not know the key (the rule is then skipped) or when it is malformed
     * (reported as a problem).
     */
    Optional<Key> classify(String path, String key) {
        if (PLAIN.containsKey(key)) {
            return Optional.of(new Key(PLAIN.get(key), List.of()));
        }
        if (key.equals("request.auth.audiences")) {
            return Optional.of(new Key(CriterionParser.Kind.CLAIM, List.of("aud")));
        }
        if (key.equals("request.auth.presenter")) {
            return Optional.of(new Key(CriterionParser.Kind.CLAIM, List.of("azp")));
        }
        if (key.startsWith("request.headers")) {
            return bracketed(path, key, "request.headers").map(name -> new Key(CriterionParser.Kind.HEADER,
                    List.of(name)));
        }
        if (key.startsWith("request.experimental.inline.headers")) {
            return bracketed(path, key, "request.experimental.inline.headers")
                    .map(name -> new Key(CriterionParser.Kind.INLINE_HEADER, List.of(name)));
        }
        if (key.startsWith("request.auth.claims")) {
            return claimPath(path, key).map(claims -> new Key(CriterionParser.Kind.CLAIM, claims));
        }
        if (key.startsWith("experimental.envoy.filters.")) {
            int open = key.indexOf('[');
            if (open <= "experimental.envoy.filters.".length() || !key.endsWith("]") || open > key.length() - 3) {
                yaml.problem(path, "is not experimental.envoy.filters.<filter>[<key>]: " + key,
                        "write e.g. experimental.envoy.filters.network.mysql_proxy[db.table]");
                return Optional.empty();
            }
            return Optional.of(new Key(CriterionParser.Kind.ENVOY_METADATA, List.of(key.substring(open))));
        }
        return Optional.empty();
    }

    private Optional<String> bracketed(String path, String key, String prefix) {
        String rest = key.substring(prefix.length());
        if (rest.length() < 3 || !rest.startsWith("[") || !rest.endsWith("]")) {
            yaml.problem(path, "is not " + prefix + "[<name>]: " + key, "write e.g. " + prefix + "[x-token]");
            return Optional.empty();
        }
        return Optional.of(rest.substring(1, rest.length() - 1));
    }

    /** {@code [a][b]} as {@code a, b}; a text that is not a run of brackets is one name, as Istio reads it. */
    private Optional<List<String>> claimPath(String path, String key) {
        String rest = key.substring("request.auth.claims".length());
        List<String> claims = new ArrayList<>();
        int begin = 0;
        while (begin < rest.length()) {
            int end = rest.charAt(begin) == '[' ? rest.indexOf(']', begin) : -1;
            int nested = rest.indexOf('[', begin + 1);
            if (end < 0 || nested >= 0 && nested < end) {
                claims.clear();
                return bracketed(path, key, "request.auth.claims").map(List::of);
            }
            claims.add(rest.substring(begin + 1, end));
            begin = end + 1;
        }
        if (claims.isEmpty() || claims.contains("")) {
            yaml.problem(path, "is not request.auth.claims[<name>] or request.auth.claims[<a>][<b>]: " + key,
                    "write e.g. request.auth.claims[groups]");
            return Optional.empty();
        }
        return Optional.of(claims);
    }
}
