package dev.kordon.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void masked_clears_the_bits_after_the_prefix_and_keeps_what_is_canonical_or_unparseable() {
        assertThat(Cidr.of("10.1.2.3/8").masked()).isEqualTo(Cidr.of("10.0.0.0/8"));
        assertThat(Cidr.of("ff06::/3").masked()).isEqualTo(Cidr.of("e000::/3"));
        assertThat(Cidr.of("ff06::/3").masked().isValid()).isTrue();
        assertThat(Cidr.of("192.168.0.0/16").masked()).isEqualTo(Cidr.of("192.168.0.0/16"));
        assertThat(Cidr.of("not-a-cidr").masked()).isEqualTo(Cidr.of("not-a-cidr"));
    }

    @Test
    void keeps_valid_ipv4_as_written() {
        Cidr cidr = Cidr.of("10.0.0.0/8");
        assertThat(cidr.isValid()).isTrue();
        assertThat(cidr.notation()).isEqualTo("10.0.0.0/8");
        assertThat(cidr.isIpv6()).isFalse();
        assertThat(cidr.prefixLength()).contains(8);
    }

    @Test
    void writes_ipv6_in_canonical_form() {
        assertThat(Cidr.of("2001:DB8:0:0::/32").notation()).isEqualTo("2001:db8::/32");
        assertThat(Cidr.of("0:0:0:0:0:0:0:0/0").notation()).isEqualTo("::/0");
        assertThat(Cidr.of("2001:db8:0:1:0:0:0:0/64").notation()).isEqualTo("2001:db8:0:1::/64");
        assertThat(Cidr.of("::ffff:10.0.0.1/128").notation()).isEqualTo("::ffff:a00:1/128");
        assertThat(Cidr.of("2001:DB8::/32")).isEqualTo(Cidr.of("2001:db8::/32"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0/8", "10.0.0.256/32", "10.0.0.01/32", "10.0.0.0/33", "10.0.0.0/-1",
        "10.0.0.0/08", "::/129", "1::2::3/64", "12345::/16", "example.com/32", "", "/8", "10.0.0.0/8/8", "1:2:3:4:5:6:7:8:9/128"})
    void rejects_text_that_is_not_a_cidr(String text) {
        Cidr cidr = Cidr.of(text);
        assertThat(cidr.isValid()).isFalse();
        assertThat(cidr.network()).isEmpty();
        assertThat(cidr.notation()).isEqualTo(text);
    }

    @Test
    void a_network_with_host_bits_is_parsed_but_not_valid() {
        Cidr cidr = Cidr.of("10.0.0.1/8");
        assertThat(cidr.network()).isPresent();
        assertThat(cidr.isValid()).isFalse();
        assertThat(cidr.network().get().network().toString()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void containment_and_overlap_respect_families() {
        Cidr big = Cidr.of("10.0.0.0/8");
        assertThat(big.contains(Cidr.of("10.1.0.0/16"))).isTrue();
        assertThat(big.contains(Cidr.of("11.0.0.0/16"))).isFalse();
        assertThat(Cidr.of("10.1.0.0/16").contains(big)).isFalse();
        assertThat(Cidr.of("10.1.0.0/16").overlaps(big)).isTrue();
        assertThat(Cidr.of("::/0").contains(Cidr.of("10.0.0.0/8"))).isFalse();
        assertThat(Cidr.of("0.0.0.0/0").containsAddress("169.254.169.254")).isTrue();
        assertThat(Cidr.of("2001:db8::/32").containsAddress("2001:db8::1")).isTrue();
        assertThat(Cidr.of("2001:db8::/32").containsAddress("2001:db9::1")).isFalse();
    }

    @Property
    void ipv4_networks_round_trip(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll @IntRange(min = 0, max = 255) int c, @ForAll @IntRange(min = 0, max = 255) int d,
            @ForAll @IntRange(min = 0, max = 32) int prefix) {
        IpNetwork network = IpNetwork.parse(a + "." + b + "." + c + "." + d + "/" + prefix).orElseThrow().network();
        Cidr cidr = Cidr.of(network.toString());
        assertThat(cidr.isValid()).isTrue();
        assertThat(cidr.notation()).isEqualTo(network.toString());
        assertThat(cidr.contains(Cidr.of(a + "." + b + "." + c + "." + d + "/32"))).isTrue();
    }

    @Property
    void ipv6_text_round_trips_through_canonical_form(@ForAll long high, @ForAll long low,
            @ForAll @IntRange(min = 0, max = 128) int prefix) {
        BigInteger value = BigInteger.valueOf(high).shiftLeft(64).or(BigInteger.valueOf(low).and(
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))).and(BigInteger.ONE.shiftLeft(128)
                .subtract(BigInteger.ONE));
        String fullHex = toHexGroups(value);
        IpNetwork parsed = IpNetwork.parse(fullHex + "/" + prefix).orElseThrow();
        IpNetwork reparsed = IpNetwork.parse(parsed.toString()).orElseThrow();
        assertThat(reparsed.toString()).isEqualTo(parsed.toString());
        assertThat(parsed.toString()).doesNotContain(":::");
    }

    private static String toHexGroups(BigInteger value) {
        StringBuilder text = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            text.append(Integer.toHexString(value.shiftRight(16 * i).intValue() & 0xffff)).append(i > 0 ? ":" : "");
        }
        return text.toString();
    }
}
