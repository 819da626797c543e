package dev.kordon.simulator.cilium;

import dev.kordon.simulator.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code rules.http} item [CIL-API] {@code http.go}, as Envoy enforces it [CIL-ENVOY]: {@code method},
 * {@code path} (against {@code :path}, query included) and {@code host} (against {@code :authority}) are RE2
 * regexes that must match the whole value; {@code headers} entries require a header ({@code "Name"}) or a header
 * with an exact value ({@code "Name value"}, a trailing colon on the name is dropped). Every given field must match.
 *
 * @param field   where it is written, e.g. {@code toPorts[0].rules.http[1]}
 * @param method  the method regex, if given
 * @param path    the path regex, if given
 * @param host    the host regex, if given
 * @param headers the required headers
 */
record HttpRule(String field, Optional<Pattern> method, Optional<Pattern> path, Optional<Pattern> host,
        List<Header> headers) {

    /** A required header: present, or present with exactly this value. */
    record Header(String name, Optional<String> value) {
        Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.map(v -> name + ": " + v).orElse(name + " (present)");
        }
    }

    HttpRule {
        Objects.requireNonNull(field, "field");
        headers = List.copyOf(headers);
    }

    /** Every criterion the request does not meet, explained; empty when the rule allows the request. */
    List<String> mismatches(HttpRequest request) {
        List<String> misses = new ArrayList<>();
        regex(method, request.method(), "method").ifPresent(misses::add);
        regex(path, request.path(), "path").ifPresent(misses::add);
        regex(host, request.host(), "host").ifPresent(misses::add);
        for (Header header : headers) {
            Optional<String> actual = Optional.ofNullable(request.headers().get(header.name()));
            if (actual.isEmpty()) {
                misses.add("header " + header.name() + " is missing (requires " + header + ")");
            } else if (header.value().isPresent() && !header.value().get().equals(actual.get())) {
                misses.add("header " + header.name() + " is " + actual.get() + ", requires " + header.value().get());
            }
        }
        return misses;
    }

    private static Optional<String> regex(Optional<Pattern> pattern, String value, String what) {
        if (pattern.isEmpty() || pattern.get().matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(what + " " + (value.isEmpty() ? "(none)" : value) + " does not match " + pattern.get()
                .pattern());
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        method.ifPresent(m -> parts.add("method " + m.pattern()));
        path.ifPresent(p -> parts.add("path " + p.pattern()));
        host.ifPresent(h -> parts.add("host " + h.pattern()));
        headers.forEach(h -> parts.add("header " + h));
        return parts.isEmpty() ? "{} (every request)" : String.join(", ", parts);
    }
}
