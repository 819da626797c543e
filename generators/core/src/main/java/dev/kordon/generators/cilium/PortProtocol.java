package dev.kordon.generators.cilium;

import java.util.Objects;

/**
 * One port of a {@link PortRule}: a number ({@code "0"} for every port), a container port name, or with
 * {@code endPort} an inclusive range; always with an explicit protocol.
 *
 * @param port     the port number or name, as a string
 * @param endPort  the last port of a range, or absent
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 */
public record PortProtocol(String port, Integer endPort, String protocol) {

    public PortProtocol {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(protocol, "protocol");
    }
}
