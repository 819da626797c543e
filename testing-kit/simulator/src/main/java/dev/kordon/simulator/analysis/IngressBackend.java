package dev.kordon.simulator.analysis;

import java.util.Objects;

/**
 * One Service an Ingress or Route sends traffic to, read from the object: netpol-analyzer's unit of ingress analysis.
 *
 * @param source  what names the Service, for messages: file, object and field
 * @param route   whether it comes from an OpenShift Route (a Route's port name also matches a named targetPort)
 * @param service the Service's name, in the object's namespace
 * @param port    the Service port asked for
 */
record IngressBackend(Origin source, boolean route, String namespace, String service, BackendPort port) {

    IngressBackend {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(port, "port");
    }

    /**
     * Where a backend was read.
     *
     * @param object e.g. {@code Ingress shop/web} or {@code Route shop/web}
     * @param field  e.g. {@code spec.rules[0].http.paths[1].backend.service}
     */
    record Origin(String file, String object, String field) {
        Origin {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(field, "field");
        }
    }

    /** The Service port a backend asks for: every port, a port number, or a port name. */
    sealed interface BackendPort permits AnyPort, PortNumber, PortName {
    }

    /** No port given: every port of the Service. */
    record AnyPort() implements BackendPort {
    }

    /** A Service port number (a Route's {@code targetPort} number also matches a Service's {@code targetPort}). */
    record PortNumber(int port) implements BackendPort {
    }

    /** A Service port name. */
    record PortName(String name) implements BackendPort {
        PortName {
            Objects.requireNonNull(name, "name");
        }
    }
}
