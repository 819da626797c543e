package dev.kordon.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Addresses in {@code cidr} but in none of {@code except}, IPv4 or IPv6.
 *
 * <p>{@code cidr("0.0.0.0/0").except("169.254.169.254/32")}
 */
public record IpBlock(Cidr cidr, List<Cidr> except) implements Peer {

    public IpBlock {
        Objects.requireNonNull(cidr, "cidr");
        except = Canonical.sortedSet(except, "except");
    }

    /** This block without the given networks. */
    public IpBlock except(String first, String... more) {
        List<Cidr> all = new ArrayList<>(except);
        all.add(Cidr.of(first));
        for (String cidrText : more) {
            all.add(Cidr.of(cidrText));
        }
        return new IpBlock(cidr, all);
    }

    @Override
    public boolean isPods() {
        return false;
    }

    @Override
    public String shortName() {
        return "cidr-" + cidr.notation();
    }

    @Override
    public String toString() {
        List<String> exceptions = new ArrayList<>();
        for (Cidr each : except) {
            exceptions.add(each.notation());
        }
        String block = Canonical.quote(cidr.notation());
        return except.isEmpty() ? "cidr(" + block + ")" : "cidr(" + block + " except " + Canonical.quoteAll(exceptions, ",") + ")";
    }
}
