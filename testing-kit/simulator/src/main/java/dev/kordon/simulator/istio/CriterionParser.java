package dev.kordon.simulator.istio;

import dev.kordon.dsl.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a source or operation and the {@code when} conditions of an AuthorizationPolicy rule into
 * criteria, parsing every value (CIDRs, ports, path templates, claim paths) and reporting the values Istio's
 * validation rejects.
 */
final class CriterionParser {

    /** How a value is parsed and what it tests. */
    enum Kind {
        PRINCIPAL(Attribute.PEER),
        NAMESPACE(Attribute.PEER),
        SERVICE_ACCOUNT(Attribute.PEER),
        REQUEST_PRINCIPAL(Attribute.REQUEST_PRINCIPAL),
        SOURCE_ADDRESS(Attribute.SOURCE_IP),
        REMOTE_ADDRESS(Attribute.REMOTE_IP),
        DESTINATION_ADDRESS(Attribute.DESTINATION_IP),
        PORT(Attribute.PORT),
        HOST(Attribute.HOST),
        METHOD(Attribute.METHOD),
        PATH(Attribute.PATH),
        HEADER(Attribute.HEADER),
        INLINE_HEADER(Attribute.HEADER),
        CLAIM(Attribute.CLAIM),
        SNI(Attribute.SNI),
        ENVOY_METADATA(Attribute.ENVOY_METADATA);

        private final Attribute attribute;

        Kind(Attribute attribute) {
            this.attribute = attribute;
        }
    }

    private final Yaml yaml;
    private final String policyNamespace;

    CriterionParser(Yaml yaml, String policyNamespace) {
        this.yaml = yaml;
        this.policyNamespace = policyNamespace;
    }

    /** The criterion of a field pair such as {@code principals}/{@code notPrincipals}, if either is given. */
    Optional<Criterion> field(String path, JsonNode node, String field, String notField, Kind kind) {
        List<ValuePattern> values = patterns(Yaml.at(path, field), node.path(field), kind, List.of());
        List<ValuePattern> notValues = patterns(Yaml.at(path, notField), node.path(notField), kind, List.of());
        if (values.isEmpty() && notValues.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Criterion(field, notField, false, kind.attribute, List.of(), values, notValues));
    }

    /** The criterion of a condition whose key is known; {@code key} is the header name or claim path. */
    Criterion condition(String path, JsonNode node, String name, Kind kind, List<String> key) {
        List<ValuePattern> values = patterns(Yaml.at(path, "values"), node.path("values"), kind, key);
        List<ValuePattern> notValues = patterns(Yaml.at(path, "notValues"), node.path("notValues"), kind, key);
        return new Criterion(name, "notValues", true, kind.attribute, key, values, notValues);
    }

    private List<ValuePattern> patterns(String path, JsonNode node, Kind kind, List<String> key) {
        List<String> values = yaml.strings(path, node);
        if (kind == Kind.SERVICE_ACCOUNT && values.size() > 16) {
            yaml.problem(path, "has " + values.size() + " service accounts; at most 16 are allowed",
                    "split the source into several sources");
        }
        List<ValuePattern> patterns = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value.isEmpty()) {
                yaml.problem(Yaml.at(path, i), "is empty; empty values are not allowed", "remove it or give a value");
                continue;
            }
            pattern(Yaml.at(path, i), value, kind, key).ifPresent(patterns::add);
        }
        return patterns;
    }

    private Optional<ValuePattern> pattern(String path, String value, Kind kind, List<String> key) {
        return switch (kind) {
            case PRINCIPAL -> Optional.of(new ValuePattern.Principal(StringMatch.parse(value)));
            case NAMESPACE -> Optional.of(new ValuePattern.PeerRegex(value,
                    Pattern.compile(".*/ns/" + wildcard(value) + "/.*", Pattern.DOTALL)));
            case SERVICE_ACCOUNT -> serviceAccount(path, value);
            case REQUEST_PRINCIPAL -> Optional.of(requestPrincipal(value));
            case SOURCE_ADDRESS, REMOTE_ADDRESS, DESTINATION_ADDRESS -> address(path, value, kind);
            case PORT -> port(path, value);
            case HOST -> Optional.of(new ValuePattern.Host(StringMatch.parse(value)));
            case METHOD -> Optional.of(new ValuePattern.Method(StringMatch.parse(value)));
            case PATH -> path(path, value);
            case HEADER, INLINE_HEADER -> Optional.of(new ValuePattern.Header(key.get(0), StringMatch.parse(value),
                    kind == Kind.INLINE_HEADER));
            case CLAIM -> Optional.of(new ValuePattern.Claim(key, StringMatch.parse(value)));
            case SNI -> Optional.of(new ValuePattern.Sni(StringMatch.parse(value)));
            case ENVOY_METADATA -> Optional.of(new ValuePattern.EnvoyMetadata(value));
        };
    }

    /** A value in which {@code *} matches anything, the rest literally. */
    private static String wildcard(String value) {
        return List.of(value.split("\\*", -1)).stream().map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .collect(Collectors.joining(".*"));
    }

    private Optional<ValuePattern> serviceAccount(String path, String value) {
        if (value.contains("*")) {
            yaml.problem(path, "has a wildcard: " + value + "; serviceAccounts take exact names",
                    "write <namespace>/<name> or <name>, or use principals for wildcards");
            return Optional.empty();
        }
        String[] parts = value.split("/", -1);
        if (parts.length > 2 || List.of(parts).contains("")) {
            yaml.problem(path, "is not <namespace>/<name> or <name>: " + value, "write e.g. default/sleep");
            return Optional.empty();
        }
        String namespace = parts.length == 2 ? parts[0] : policyNamespace;
        String name = parts[parts.length - 1];
        return Optional.of(new ValuePattern.PeerRegex(value, Pattern.compile("spiffe://.+/ns/" + Pattern.quote(namespace)
                + "/(.+/|)sa/" + Pattern.quote(name) + "(/.+)?", Pattern.DOTALL)));
    }

    /** Istio's reading of {@code iss/sub}: split at the last slash, each side in the string forms. */
    static ValuePattern requestPrincipal(String value) {
        StringMatch any = StringMatch.parse("*");
        int slash = value.lastIndexOf('/');
        boolean found = slash >= 0;
        String issuer = found ? value.substring(0, slash) : value;
        String subject = found ? value.substring(slash + 1) : "";
        if (value.equals("*")) {
            return new ValuePattern.RequestPrincipal(value, any, any);
        }
        if (value.startsWith("*")) {
            return found ? new ValuePattern.RequestPrincipal(value, issuer.equals("*") ? any
                    : new StringMatch(StringMatch.Kind.SUFFIX, issuer.substring(1)), exact(subject))
                    : new ValuePattern.RequestPrincipal(value, any,
                            new StringMatch(StringMatch.Kind.SUFFIX, value.substring(1)));
        }
        if (value.endsWith("*")) {
            return found ? new ValuePattern.RequestPrincipal(value, exact(issuer), subject.equals("*") ? any
                    : new StringMatch(StringMatch.Kind.PREFIX, subject.substring(0, subject.length() - 1)))
                    : new ValuePattern.RequestPrincipal(value,
                            new StringMatch(StringMatch.Kind.PREFIX, value.substring(0, value.length() - 1)), any);
        }
        return new ValuePattern.RequestPrincipal(value, exact(issuer), exact(subject));
    }

    private static StringMatch exact(String text) {
        return new StringMatch(StringMatch.Kind.EXACT, text);
    }

    private Optional<ValuePattern> address(String path, String value, Kind kind) {
        Cidr cidr = Cidr.of(value.contains("/") ? value : value + (value.contains(":") ? "/128" : "/32"));
        if (cidr.prefixLength().isEmpty()) {
            yaml.problem(path, "is not an IP address or CIDR: " + value, "write e.g. 10.0.0.1 or 10.0.0.0/16");
            return Optional.empty();
        }
        return Optional.of(new ValuePattern.Address(value, cidr, kind == Kind.DESTINATION_ADDRESS));
    }

    private Optional<ValuePattern> port(String path, String value) {
        if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) > 65535) {
            yaml.problem(path, "is not a port number: " + value, "write a number from 0 to 65535, quoted");
            return Optional.empty();
        }
        return Optional.of(new ValuePattern.Port(Integer.parseInt(value)));
    }

    private Optional<ValuePattern> path(String path, String value) {
        if (PathPattern.isTemplate(value)) {
            Optional<String> error = PathPattern.templateError(value);
            if (error.isPresent()) {
                yaml.problem(path, "is not a valid path template: " + value + " (" + error.get() + ")",
                        "use {*} for one segment and a final {**} for any number of segments");
                return Optional.empty();
            }
        }
        return Optional.of(new ValuePattern.Path(PathPattern.of(value)));
    }
}
