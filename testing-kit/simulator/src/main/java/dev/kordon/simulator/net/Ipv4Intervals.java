package dev.kordon.simulator.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The IPv4 address space cut into disjoint intervals at the boundaries of CIDRs. */
public final class Ipv4Intervals {

    /** The last IPv4 address as a number. */
    public static final long MAX = 0xFFFF_FFFFL;

    /** An inclusive interval of IPv4 addresses; shown as netpol-analyzer does, {@code a.b.c.d-e.f.g.h}. */
    public record Interval(long first, long last) {

        /** The first address, dotted. */
        public String firstAddress() {
            return format(first);
        }

        @Override
        public String toString() {
            return format(first) + "-" + format(last);
        }
    }

    private Ipv4Intervals() {
    }

    /** The IPv4 space cut at the first and past-the-last address of each CIDR; IPv6 CIDRs are skipped. */
    public static List<Interval> split(Iterable<String> cidrs) {
        TreeSet<Long> starts = new TreeSet<>();
        starts.add(0L);
        for (String cidr : cidrs) {
            parse(cidr).ifPresent(range -> {
                starts.add(range[0]);
                if (range[1] < MAX) {
                    starts.add(range[1] + 1);
                }
            });
        }
        List<Long> sorted = new ArrayList<>(starts);
        List<Interval> intervals = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            long last = i + 1 < sorted.size() ? sorted.get(i + 1) - 1 : MAX;
            intervals.add(new Interval(sorted.get(i), last));
        }
        return intervals;
    }

    /** The first and last address of an IPv4 CIDR (or single address), or empty if it is not one. */
    public static Optional<long[]> parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<Long> base = address(address);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        int bits;
        try {
            bits = slash < 0 ? 32 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (bits < 0 || bits > 32) {
            return Optional.empty();
        }
        long mask = bits == 0 ? 0 : (MAX << (32 - bits)) & MAX;
        long first = base.get() & mask;
        return Optional.of(new long[] {first, first | (~mask & MAX)});
    }

    /** A dotted IPv4 address as a number, or empty. */
    public static Optional<Long> address(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = value * 256 + octet;
        }
        return Optional.of(value);
    }

    /** A number as a dotted IPv4 address. */
    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
