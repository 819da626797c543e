package dev.kordon.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network in CIDR notation, such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}.
 *
 * <p>The notation is kept as written when it cannot be parsed, so that validation can report it with every other
 * problem; a parseable one is stored in canonical form (RFC 5952 for IPv6), so {@code 2001:DB8:0::/32} and
 * {@code 2001:db8::/32} are equal.
 */
public record Cidr(String notation) implements Comparable<Cidr> {

    public Cidr {
        notation = Objects.requireNonNull(notation, "notation").trim();
        Optional<IpNetwork> parsed = IpNetwork.parse(notation);
        if (parsed.isPresent() && parsed.get().isCanonical()) {
            notation = parsed.get().toString();
        }
    }

    /** Parses leniently; {@link PolicySet#validate()} reports a notation that is not a valid CIDR. */
    public static Cidr of(String notation) {
        return new Cidr(notation);
    }

    Optional<IpNetwork> network() {
        return IpNetwork.parse(notation);
    }

    /** Whether this is a well-formed CIDR with no host bits set. */
    public boolean isValid() {
        return network().map(IpNetwork::isCanonical).orElse(false);
    }

    /**
     * This network with every bit after the prefix cleared, as an API that accepts host bits matches it:
     * {@code 10.1.2.3/8} is {@code 10.0.0.0/8}. Itself when it is canonical or cannot be parsed.
     */
    public Cidr masked() {
        return network().map(network -> new Cidr(network.network().toString())).orElse(this);
    }

    /** Whether this is an IPv6 network (false when invalid). */
    public boolean isIpv6() {
        return network().map(IpNetwork::isIpv6).orElse(false);
    }

    /** The prefix length, or empty when invalid. */
    public Optional<Integer> prefixLength() {
        return network().map(IpNetwork::prefix);
    }

    /** Whether every address of {@code other} is in this network (false when either is invalid or families differ). */
    public boolean contains(Cidr other) {
        Optional<IpNetwork> mine = network();
        Optional<IpNetwork> theirs = other.network();
        return mine.isPresent() && theirs.isPresent() && mine.get().contains(theirs.get());
    }

    /** Whether the single IP address (IPv4 or IPv6 text) is in this network. */
    public boolean containsAddress(String address) {
        Optional<IpNetwork> mine = network();
        Optional<IpNetwork> ip = IpNetwork.parseAddress(address);
        return mine.isPresent() && ip.isPresent() && mine.get().contains(ip.get());
    }

    /** Whether the two networks share an address. */
    public boolean overlaps(Cidr other) {
        Optional<IpNetwork> mine = network();
        Optional<IpNetwork> theirs = other.network();
        return mine.isPresent() && theirs.isPresent() && mine.get().overlaps(theirs.get());
    }

    @Override
    public int compareTo(Cidr other) {
        return notation.compareTo(other.notation);
    }

    @Override
    public String toString() {
        return notation;
    }
}
