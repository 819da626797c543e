package dev.kordon.simulator.istio;

import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Reads a RequestAuthentication strictly: its scope and every {@code jwtRules} entry. */
final class RequestAuthenticationParser {

    private static final String BEARER = "Bearer ";

    RequestAuthn parse(Manifest manifest, Problems problems) {
        Yaml yaml = new Yaml(manifest, problems);
        JsonNode spec = manifest.body().path("spec");
        yaml.map("spec", spec, "selector", "targetRef", "targetRefs", "jwtRules");
        WorkloadScope scope = Scopes.read(yaml, spec, true);
        List<JwtRule> rules = new ArrayList<>();
        List<JsonNode> items = yaml.list("spec.jwtRules", spec.path("jwtRules"));
        for (int i = 0; i < items.size(); i++) {
            rule(yaml, Yaml.at("spec.jwtRules", i), items.get(i)).ifPresent(rules::add);
        }
        return new RequestAuthn(yaml.resource(), yaml.namespace(), scope, rules);
    }

    private static Optional<JwtRule> rule(Yaml yaml, String path, JsonNode node) {
        if (!yaml.element(path, node, "issuer", "audiences", "jwksUri", "jwks", "fromHeaders", "fromParams",
                "fromCookies", "outputPayloadToHeader", "forwardOriginalToken", "outputClaimToHeaders",
                "spaceDelimitedClaims", "timeout")) {
            return Optional.empty();
        }
        String issuer = yaml.string(Yaml.at(path, "issuer"), node.path("issuer")).orElse("");
        if (issuer.isEmpty()) {
            yaml.problem(Yaml.at(path, "issuer"), "is missing; a rule without an issuer accepts tokens of any issuer"
                    + " signed by its keys, which the simulator cannot tell", "name the issuer of the tokens");
        }
        List<String> audiences = yaml.strings(Yaml.at(path, "audiences"), node.path("audiences"));
        if (audiences.contains("")) {
            yaml.problem(Yaml.at(path, "audiences"), "has an empty audience", "remove it or give a value");
        }
        yaml.string(Yaml.at(path, "jwksUri"), node.path("jwksUri")).ifPresent(uri -> {
            if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
                yaml.problem(Yaml.at(path, "jwksUri"), "is not an http or https URI: " + uri, "fix the URI");
            }
        });
        yaml.string(Yaml.at(path, "jwks"), node.path("jwks"));
        yaml.string(Yaml.at(path, "timeout"), node.path("timeout"));
        boolean forward = yaml.bool(Yaml.at(path, "forwardOriginalToken"), node.path("forwardOriginalToken"))
                .orElse(false);
        String payloadHeader = yaml.string(Yaml.at(path, "outputPayloadToHeader"), node.path("outputPayloadToHeader"))
                .orElse("");
        List<String> delimited = new ArrayList<>(List.of("scope", "permission"));
        delimited.addAll(yaml.strings(Yaml.at(path, "spaceDelimitedClaims"), node.path("spaceDelimitedClaims")));
        return Optional.of(new JwtRule(issuer, audiences, readsBearerHeader(yaml, path, node), forward,
                claimHeaders(yaml, Yaml.at(path, "outputClaimToHeaders"), node.path("outputClaimToHeaders")),
                payloadHeader, delimited));
    }

    /** Whether the rule reads {@code Authorization: Bearer}: by default, or when {@code fromHeaders} lists it. */
    private static boolean readsBearerHeader(Yaml yaml, String path, JsonNode node) {
        List<String> params = yaml.strings(Yaml.at(path, "fromParams"), node.path("fromParams"));
        List<String> cookies = yaml.strings(Yaml.at(path, "fromCookies"), node.path("fromCookies"));
        if (params.contains("") || cookies.contains("")) {
            yaml.problem(path, "has an empty fromParams or fromCookies entry", "name the query parameter or cookie");
        }
        List<JsonNode> headers = yaml.list(Yaml.at(path, "fromHeaders"), node.path("fromHeaders"));
        boolean bearer = false;
        for (int i = 0; i < headers.size(); i++) {
            String at = Yaml.at(Yaml.at(path, "fromHeaders"), i);
            if (!yaml.element(at, headers.get(i), "name", "prefix")) {
                continue;
            }
            String name = yaml.string(Yaml.at(at, "name"), headers.get(i).path("name")).orElse("");
            String prefix = yaml.string(Yaml.at(at, "prefix"), headers.get(i).path("prefix")).orElse("");
            if (name.isEmpty()) {
                yaml.problem(Yaml.at(at, "name"), "is missing", "name the header that carries the token");
            } else if (name.toLowerCase(Locale.ROOT).equals("authorization")) {
                if (!prefix.equals(BEARER)) {
                    yaml.problem(Yaml.at(at, "prefix"), "is '" + prefix + "'; the simulator models tokens sent as"
                            + " 'Authorization: Bearer <token>' only", "use the prefix \"Bearer \"");
                }
                bearer = true;
            }
        }
        boolean defaults = headers.isEmpty() && params.isEmpty() && cookies.isEmpty();
        return defaults || bearer;
    }

    private static SortedMap<String, String> claimHeaders(Yaml yaml, String path, JsonNode node) {
        SortedMap<String, String> headers = new TreeMap<>();
        List<JsonNode> items = yaml.list(path, node);
        for (int i = 0; i < items.size(); i++) {
            String at = Yaml.at(path, i);
            if (!yaml.element(at, items.get(i), "header", "claim")) {
                continue;
            }
            String header = yaml.string(Yaml.at(at, "header"), items.get(i).path("header")).orElse("");
            String claim = yaml.string(Yaml.at(at, "claim"), items.get(i).path("claim")).orElse("");
            if (header.isEmpty() || claim.isEmpty()) {
                yaml.problem(at, "needs both header and claim", "give the header to set and the claim to copy");
                continue;
            }
            headers.put(header, claim);
        }
        return headers;
    }
}
