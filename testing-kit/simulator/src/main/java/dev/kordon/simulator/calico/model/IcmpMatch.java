package dev.kordon.simulator.calico.model;

/**
 * A rule's {@code icmp} or {@code notICMP}: a type and optionally a code, or {@link #NONE} when absent.
 *
 * @param type the ICMP type, -1 when absent
 * @param code the ICMP code, -1 when absent
 */
public record IcmpMatch(int type, int code) {

    /** The field is absent. */
    public static final IcmpMatch NONE = new IcmpMatch(-1, -1);

    /** Whether the field is present. */
    public boolean present() {
        return type >= 0;
    }

    /** Whether a packet of this type and code matches. */
    public boolean matches(int packetType, int packetCode) {
        return type == packetType && (code < 0 || code == packetCode);
    }

    @Override
    public String toString() {
        return "type " + type + (code < 0 ? "" : " code " + code);
    }
}
