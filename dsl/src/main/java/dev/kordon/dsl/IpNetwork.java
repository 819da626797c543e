package dev.kordon.dsl;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed IPv4 or IPv6 network: address bits and prefix length. Parsing is strict and never resolves host names:
 * IPv4 octets without leading zeros, IPv6 in any RFC 4291 text form, rendered back in RFC 5952 canonical form.
 */
final class IpNetwork {

    private final int bits;
    private final BigInteger address;
    private final int prefix;

    private IpNetwork(int bits, BigInteger address, int prefix) {
        this.bits = bits;
        this.address = address;
        this.prefix = prefix;
    }

    /** Parses {@code address/prefix}; empty when the text is not a CIDR. Host bits may be set (see {@link #isCanonical()}). */
    static Optional<IpNetwork> parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Optional.empty();
        }
        String prefixText = text.substring(slash + 1);
        if (!prefixText.matches("0|[1-9][0-9]{0,2}")) {
            return Optional.empty();
        }
        int prefixLength = Integer.parseInt(prefixText);
        Optional<BigInteger> v4 = parseIpv4(text.substring(0, slash));
        if (v4.isPresent()) {
            return prefixLength <= 32 ? Optional.of(new IpNetwork(32, v4.get(), prefixLength)) : Optional.empty();
        }
        Optional<BigInteger> v6 = parseIpv6(text.substring(0, slash));
        if (v6.isPresent()) {
            return prefixLength <= 128 ? Optional.of(new IpNetwork(128, v6.get(), prefixLength)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Parses a single IPv4 or IPv6 address as a full-length network. */
    static Optional<IpNetwork> parseAddress(String text) {
        Optional<BigInteger> v4 = parseIpv4(text);
        if (v4.isPresent()) {
            return Optional.of(new IpNetwork(32, v4.get(), 32));
        }
        return parseIpv6(text).map(v6 -> new IpNetwork(128, v6, 128));
    }

    private static Optional<BigInteger> parseIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String octet : octets) {
            if (!octet.matches("0|[1-9][0-9]{0,2}")) {
                return Optional.empty();
            }
            int number = Integer.parseInt(octet);
            if (number > 255) {
                return Optional.empty();
            }
            value = value << 8 | number;
        }
        return Optional.of(BigInteger.valueOf(value));
    }

    private static Optional<BigInteger> parseIpv6(String text) {
        if (text.isEmpty() || !text.contains(":")) {
            return Optional.empty();
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head, doubleColon < 0);
        int[] tailGroups = doubleColon >= 0 ? groups(tail, true) : new int[0];
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        int count = headGroups.length + tailGroups.length;
        if (doubleColon >= 0 ? count > 7 : count != 8) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        for (int group : all) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return Optional.of(value);
    }

    /** 16-bit groups of a colon-separated run; the last may be dotted IPv4 when {@code mayEndWithIpv4}. */
    private static int[] groups(String run, boolean mayEndWithIpv4) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] parts = run.split(":", -1);
        int extra = 0;
        Optional<BigInteger> ipv4 = Optional.empty();
        String last = parts[parts.length - 1];
        if (mayEndWithIpv4 && last.contains(".")) {
            ipv4 = parseIpv4(last);
            if (ipv4.isEmpty()) {
                return null;
            }
            extra = 1;
        }
        int[] groups = new int[parts.length + extra];
        for (int i = 0; i < parts.length - (ipv4.isPresent() ? 1 : 0); i++) {
            if (!parts[i].matches("[0-9a-fA-F]{1,4}")) {
                return null;
            }
            groups[i] = Integer.parseInt(parts[i], 16);
        }
        if (ipv4.isPresent()) {
            long v4 = ipv4.get().longValue();
            groups[parts.length - 1] = (int) (v4 >>> 16);
            groups[parts.length] = (int) (v4 & 0xffff);
        }
        return groups;
    }

    boolean isIpv6() {
        return bits == 128;
    }

    int prefix() {
        return prefix;
    }

    /** Whether no bit after the prefix is set, as Kubernetes expects of a CIDR. */
    boolean isCanonical() {
        return address.and(hostMask()).signum() == 0;
    }

    /** The network with every bit after the prefix cleared. */
    IpNetwork network() {
        return new IpNetwork(bits, address.andNot(hostMask()), prefix);
    }

    /** Whether every address of {@code other} lies in this network (same family only). */
    boolean contains(IpNetwork other) {
        if (other.bits != bits || other.prefix < prefix) {
            return false;
        }
        return other.address.andNot(hostMask()).equals(address.andNot(hostMask()));
    }

    /** Whether the two networks share at least one address. */
    boolean overlaps(IpNetwork other) {
        return contains(other) || other.contains(this);
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }

    /** Canonical text: dotted quad for IPv4, RFC 5952 for IPv6, with {@code /prefix}. */
    @Override
    public String toString() {
        return addressText() + "/" + prefix;
    }

    String addressText() {
        if (bits == 32) {
            long value = address.longValue();
            return (value >>> 24 & 0xff) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
