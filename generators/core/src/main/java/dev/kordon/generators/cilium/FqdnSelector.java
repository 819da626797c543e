package dev.kordon.generators.cilium;

/**
 * A DNS name in {@code toFQDNs} or in a DNS rule ({@code rules.dns}): exactly one of the two fields.
 *
 * @param matchName    one literal name
 * @param matchPattern a pattern: {@code *} within a label, {@code **.} for one or more leading labels
 */
public record FqdnSelector(String matchName, String matchPattern) {

    public FqdnSelector {
        if ((matchName == null) == (matchPattern == null)) {
            throw new IllegalArgumentException("exactly one of matchName and matchPattern: " + matchName + ", "
                    + matchPattern);
        }
    }

    /** A literal name. */
    static FqdnSelector name(String name) {
        return new FqdnSelector(name, null);
    }

    /** A pattern. */
    static FqdnSelector pattern(String pattern) {
        return new FqdnSelector(null, pattern);
    }
}
