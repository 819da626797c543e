package dev.kordon.dsl;

/**
 * Which transport traffic a rule covers: a port, a port range, a named container port, every port of one protocol,
 * or (explicitly) every protocol and port.
 *
 * <p>{@code tcp(8080)}, {@code tcpRange(8000, 8100)}, {@code tcp("http")}, {@code allTcpPorts()}, {@code anyTraffic()}.
 */
public sealed interface PortMatch permits PortNumber, PortRange, NamedPort, AllPorts, AnyTraffic {

    /** Whether every packet this match covers is TCP, so that HTTP rules can apply to it. */
    boolean isTcpOnly();

    /** Whether some traffic could be covered by both matches (named ports may resolve to any number). */
    boolean mayOverlap(PortMatch other);

}
