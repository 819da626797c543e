package dev.kordon.generators.calico;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The source or destination of a Calico rule: which peers (addresses, endpoints by selector, service accounts) and
 * which ports. Every field present must match; {@code null} fields do not constrain.
 *
 * @param nets              addresses, any of which may match (one IP family per rule)
 * @param notNets           addresses that must not match
 * @param selector          endpoints by label (in the policy's namespace unless {@code namespaceSelector} is given)
 * @param namespaceSelector the namespaces of the endpoints
 * @param ports             ports, any of which may match; a rule with ports needs a protocol
 * @param serviceAccounts   endpoints by service account
 */
public record EntityRule(List<String> nets, List<String> notNets, String selector, String namespaceSelector,
        List<Port> ports, ServiceAccounts serviceAccounts) {

    private static final int MAX_NETS = 256;
    private static final int MAX_PORTS = 50;

    /** The peer that matches everything: written as no source or destination at all. */
    static final EntityRule ANY = new EntityRule(null, null, null, null, null, null);

    public EntityRule {
        nets = nullIfEmpty(nets);
        notNets = nullIfEmpty(notNets);
        ports = nullIfEmpty(ports);
        if (nets != null && nets.size() > MAX_NETS || notNets != null && notNets.size() > MAX_NETS) {
            throw new IllegalArgumentException("Calico accepts at most " + MAX_NETS + " nets per rule");
        }
        if (ports != null && ports.size() > MAX_PORTS) {
            throw new IllegalArgumentException("Calico accepts at most " + MAX_PORTS + " ports per rule");
        }
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : List.copyOf(list);
    }

    /** Only these ports, of any peer. */
    static EntityRule ports(List<Port> ports) {
        return ANY.withPorts(ports);
    }

    /** This peer on these ports. */
    EntityRule withPorts(List<Port> newPorts) {
        if (ports != null) {
            throw new IllegalStateException("ports given twice");
        }
        return new EntityRule(nets, notNets, selector, namespaceSelector, newPorts, serviceAccounts);
    }

    /** Whether nothing constrains the peer, so that the rule leaves the field out. */
    boolean isAny() {
        return equals(ANY);
    }

    /**
     * A port as Calico writes it: a number, an inclusive range {@code "from:to"}, or a container port name.
     *
     * @param number the port number, or {@code null} for a range or a name
     * @param text   the range or name, or {@code null} for a number
     */
    public record Port(Integer number, String text) {

        public Port {
            if (number == null == (text == null)) {
                throw new IllegalArgumentException("a port is a number or a text: " + number + ", " + text);
            }
        }

        static Port number(int port) {
            return new Port(port, null);
        }

        static Port range(int from, int to) {
            return from == to ? number(from) : new Port(null, from + ":" + to);
        }

        static Port named(String name) {
            return new Port(null, name);
        }

        /** Whether this is a container port name, which only a pod has. */
        boolean isNamed() {
            return text != null && !text.contains(":");
        }

        /** The value as written: an integer or a string. */
        @JsonValue
        public Object value() {
            return number != null ? number : text;
        }
    }

    /**
     * Endpoints by the service account they run as.
     *
     * @param names    service account names, any of which may match
     * @param selector service accounts by label (unused: {@code null})
     */
    public record ServiceAccounts(List<String> names, String selector) {

        public ServiceAccounts {
            names = List.copyOf(Objects.requireNonNull(names, "names"));
        }
    }
}
