package dev.kordon.simulator.verify;

import dev.kordon.dsl.Names;

/**
 * Public addresses for DNS names in test files ({@code fqdn:NAME}): a stable address per name in 198.18.0.0/15, the
 * range reserved for benchmarks, so that it is outside every cluster and every other test address.
 */
final class Fqdns {

    private Fqdns() {
    }

    static String addressOf(String name) {
        int hash = Integer.parseUnsignedInt(Names.hash(name.toLowerCase(java.util.Locale.ROOT), 4), 16);
        return "198." + (18 + (hash >> 15 & 1)) + "." + (hash >> 8 & 0x7f) + "." + (hash & 0xff);
    }
}
