package dev.kordon.dsl;

/** Overlap arithmetic shared by the port matches. */
final class PortMatches {

    private PortMatches() {
    }

    private static boolean rangesOverlap(int fromA, int toA, int fromB, int toB) {
        return fromA <= toB && fromB <= toA;
    }

    /** Whether {@code protocol} ports {@code [from, to]} may share traffic with {@code other}. */
    static boolean mayOverlap(Protocol protocol, int from, int to, PortMatch other) {
        if (other instanceof AnyTraffic) {
            return true;
        }
        if (other instanceof AllPorts) {
            return ((AllPorts) other).protocol() == protocol;
        }
        if (other instanceof NamedPort) {
            return ((NamedPort) other).protocol() == protocol;
        }
        if (other instanceof PortNumber) {
            PortNumber number = (PortNumber) other;
            return number.protocol() == protocol
                    && rangesOverlap(from, to, number.port(), number.port());
        }
        PortRange range = (PortRange) other;
        return range.protocol() == protocol && rangesOverlap(from, to, range.from(), range.to());
    }
}
