package dev.kordon.simulator.cluster;

import java.util.Objects;

/**
 * One port of a Service: the port clients connect to and the pod port it forwards to.
 *
 * @param name       the port's name, or empty
 * @param port       the Service's port ({@code port})
 * @param protocol   {@code TCP}, {@code UDP} or {@code SCTP}
 * @param targetPort the pods' port ({@code targetPort}; {@code port} when not given)
 */
public record ServicePort(String name, int port, String protocol, TargetPort targetPort) {

    public ServicePort {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(targetPort, "targetPort");
    }

    /** The pod port a Service port forwards to: a number, or the name of a container port. */
    public sealed interface TargetPort permits Number, Named {
    }

    /** A container port number. */
    public record Number(int port) implements TargetPort {
        @Override
        public String toString() {
            return Integer.toString(port);
        }
    }

    /** The name of a container port, resolved in each pod. */
    public record Named(String name) implements TargetPort {
        public Named {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
