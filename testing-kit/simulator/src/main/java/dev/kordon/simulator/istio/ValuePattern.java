package dev.kordon.simulator.istio;

import dev.kordon.dsl.Cidr;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One value of an AuthorizationPolicy field or condition, parsed, and how it tests a request. A value that needs a
 * fact the request lacks (no peer identity, no JWT, no header) does not match; one that needs a fact the probe does
 * not give (the host, the TLS server name) is {@link Tri#UNKNOWN}.
 */
sealed interface ValuePattern {

    /** Whether the request has the value. */
    Tri test(RequestFacts facts);

    /** The value as written. */
    String text();

    /** {@code principals}, {@code source.principal}: matched against {@code spiffe://<principal>}. */
    record Principal(StringMatch match) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(facts.peer().map(peer -> switch (match.kind()) {
                case EXACT -> peer.equals(match.operand());
                case PREFIX -> peer.startsWith(match.operand());
                case SUFFIX -> ("spiffe://" + peer).endsWith(match.operand());
                case PRESENCE -> !peer.isEmpty();
            }).orElse(false));
        }

        @Override
        public String text() {
            return match.toString();
        }
    }

    /** {@code namespaces}, {@code serviceAccounts} and their conditions: a regular expression over the SPIFFE ID. */
    record PeerRegex(String text, Pattern regex) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(facts.peer().map(peer -> regex.matcher("spiffe://" + peer).matches()).orElse(false));
        }
    }

    /** An IP or CIDR of {@code ipBlocks}, {@code remoteIpBlocks}, {@code source.ip}, {@code destination.ip}. */
    record Address(String text, Cidr cidr, boolean destination) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(cidr.containsAddress(destination ? facts.destinationIp() : facts.sourceIp()));
        }
    }

    /** A port of {@code ports} or {@code destination.port}. */
    record Port(int port) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(facts.port() == port);
        }

        @Override
        public String text() {
            return String.valueOf(port);
        }
    }

    /** A value of {@code hosts}: case-insensitive, against {@code :authority}. */
    record Host(StringMatch match) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            if (match.kind() == StringMatch.Kind.PRESENCE) {
                return Tri.YES;
            }
            return facts.http().flatMap(HttpFacts::host).map(host -> Tri.of(match.matchesIgnoringCase(host)))
                    .orElse(facts.http().isPresent() ? Tri.UNKNOWN : Tri.NO);
        }

        @Override
        public String text() {
            return match.toString();
        }
    }

    /** A value of {@code methods}: case-sensitive; {@code *} is any method. */
    record Method(StringMatch match) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(facts.http().map(http -> match.kind() == StringMatch.Kind.PRESENCE
                    || match.matches(http.method())).orElse(false));
        }

        @Override
        public String text() {
            return match.toString();
        }
    }

    /** A value of {@code paths}. */
    record Path(PathPattern pattern) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(facts.http().map(http -> pattern.matches(http.path())).orElse(false));
        }

        @Override
        public String text() {
            return pattern.text();
        }
    }

    /** {@code request.headers[name]} ({@code *} = present); {@code inline} headers match any comma-separated value. */
    record Header(String name, StringMatch match, boolean inline) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            if (facts.http().isEmpty()) {
                return Tri.NO;
            }
            HttpFacts http = facts.http().get();
            if (http.opaque(name)) {
                return match.kind() == StringMatch.Kind.PRESENCE ? Tri.YES : Tri.UNKNOWN;
            }
            return Tri.of(http.header(name).map(value -> match.kind() == StringMatch.Kind.PRESENCE
                    || match.matches(value) || inline && List.of(value.split(",", -1)).stream()
                            .anyMatch(match::matches)).orElse(false));
        }

        @Override
        public String text() {
            return match.toString();
        }
    }

    /** {@code requestPrincipals}, {@code request.auth.principal}: issuer and subject of the validated JWT. */
    record RequestPrincipal(String text, StringMatch issuer, StringMatch subject) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(facts.http().flatMap(HttpFacts::jwt)
                    .map(jwt -> issuer.matches(jwt.issuer()) && subject.matches(jwt.subject())).orElse(false));
        }
    }

    /** {@code request.auth.claims[..]}, {@code audiences} ({@code aud}), {@code presenter} ({@code azp}). */
    record Claim(List<String> path, StringMatch match) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.of(facts.http().flatMap(HttpFacts::jwt)
                    .map(jwt -> jwt.strings(path).stream().anyMatch(match::matches)).orElse(false));
        }

        @Override
        public String text() {
            return match.toString();
        }
    }

    /** {@code connection.sni}: absent on plaintext; on TLS it names the Service the client used, not known here. */
    record Sni(StringMatch match) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return facts.tls() ? Tri.UNKNOWN : Tri.NO;
        }

        @Override
        public String text() {
            return match.toString();
        }
    }

    /** {@code experimental.envoy.filters.*}: metadata of other Envoy filters, never known to the simulator. */
    record EnvoyMetadata(String text) implements ValuePattern {
        @Override
        public Tri test(RequestFacts facts) {
            return Tri.UNKNOWN;
        }
    }
}
