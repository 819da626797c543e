package dev.kordon.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void lower_cases_and_replaces_everything_else_with_single_dashes() {
        assertThat(Names.dns1123Label("Allow Frontend→Backend")).isEqualTo("allow-frontend-backend");
        assertThat(Names.dns1123Label("--a__b..c--")).isEqualTo("a-b-c");
        assertThat(Names.dns1123Label("cidr-169.254.169.254/32")).isEqualTo("cidr-169-254-169-254-32");
    }

    @Test
    void text_without_any_usable_character_becomes_a_hash() {
        assertThat(Names.dns1123Label("***")).matches("x-[0-9a-f]{8}");
        assertThat(Names.dns1123Label("***")).isEqualTo(Names.dns1123Label("***"));
    }

    @Test
    void long_text_is_cut_and_given_a_hash_of_the_whole_text() {
        // given two long names that share their first 63 characters
        String common = "allow-".repeat(12);
        String a = Names.dns1123Label(common + "frontend");
        String b = Names.dns1123Label(common + "backend");
        // then both fit and stay distinct
        assertThat(a).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(b).hasSizeLessThanOrEqualTo(63);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.substring(a.length() - 8)).isEqualTo(Names.hash(common + "frontend", 8));
    }

    @Test
    void a_suffix_keeps_the_name_within_63_characters() {
        String name = Names.withSuffix("a".repeat(70), "meaning");
        assertThat(name).hasSizeLessThanOrEqualTo(63).endsWith("-" + Names.hash("meaning", 6));
    }

    @Test
    void the_hash_is_sha256_in_hex() {
        assertThat(Names.hash("", 16)).isEqualTo("e3b0c44298fc1c14");
    }

    @Test
    void rejects_a_maximum_length_it_cannot_honour() {
        assertThatIllegalArgumentException().isThrownBy(() -> Names.dns1123Label("x", 8))
                .withMessage("maxLength out of range 16..63: 8");
    }

    @Property
    void any_text_becomes_a_valid_dns1123_label(@ForAll String text) {
        String label = Names.dns1123Label(text);
        assertThat(label).hasSizeBetween(1, 63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(Syntax.isDns1123Label(label)).isTrue();
    }

    @Property
    void a_valid_label_is_its_own_name(@ForAll("labels") String label) {
        assertThat(Names.dns1123Label(label)).isEqualTo(label);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> labels() {
        return net.jqwik.api.Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1)
                .ofMaxLength(63);
    }
}
