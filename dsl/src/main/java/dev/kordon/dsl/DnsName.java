package dev.kordon.dsl;

import java.util.Locale;
import java.util.Objects;

/**
 * A DNS name for egress: exact ({@code api.stripe.com}) or a wildcard over one or more leading labels
 * ({@code *.example.com}, which does not match {@code example.com} itself). Case-insensitive; stored in lower
 * case without a trailing dot.
 */
public record DnsName(String pattern) implements Peer {

    public DnsName {
        Objects.requireNonNull(pattern, "pattern");
        pattern = pattern.trim().toLowerCase(Locale.ROOT);
        if (pattern.endsWith(".") && pattern.length() > 1) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
    }

    /** Whether this pattern starts with the {@code *.} wildcard. */
    public boolean isWildcard() {
        return pattern.startsWith("*.");
    }

    /** Whether the host name matches this pattern (case-insensitive). */
    public boolean matches(String host) {
        String candidate = host.toLowerCase(Locale.ROOT);
        if (candidate.endsWith(".")) {
            candidate = candidate.substring(0, candidate.length() - 1);
        }
        if (isWildcard()) {
            String suffix = pattern.substring(1);
            return candidate.endsWith(suffix) && candidate.length() > suffix.length();
        }
        return candidate.equals(pattern);
    }

    @Override
    public boolean isPods() {
        return false;
    }

    @Override
    public String shortName() {
        return pattern.replace("*.", "any-");
    }

    @Override
    public String toString() {
        return "dns(" + Canonical.quote(pattern) + ")";
    }
}
