package dev.kordon.dsl;

/**
 * One declared piece of network intent in a {@link PolicySet}: a {@link Connection} (allow, deny, pass or audit
 * some flows) or an {@link Isolation} (deny by default).
 */
public sealed interface Intent permits Connection, Isolation {

    /** The DNS-1123 name of this intent, unique in its policy set; empty until the policy set derives it. */
    String name();

    /** Where the intent was declared; never part of its value. */
    Origin origin();

    /** This intent under another name. */
    Intent named(String name);

    /** The name the policy set derives when none was given, before it is made DNS-1123-safe and unique. */
    String baseName();

    /** The canonical text of this intent without its name: equal meanings give equal text. */
    String meaning();
}
