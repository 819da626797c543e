package dev.kordon.simulator.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FqdnMatcherTest {

    private static FqdnMatcher pattern(String text) {
        return new FqdnMatcher("p", true, text);
    }

    @Test
    void a_match_name_compares_case_insensitively_with_an_implied_trailing_dot() {
        // given
        FqdnMatcher name = new FqdnMatcher("n", false, "API.github.com");
        // then
        assertThat(name.matches("api.github.com.")).isTrue();
        assertThat(name.matches("api.github.com")).isTrue();
        assertThat(name.matches("www.api.github.com")).isFalse();
    }

    @Test
    void a_star_matches_characters_within_one_label() {
        // given
        FqdnMatcher subdomain = pattern("*.cilium.io");
        FqdnMatcher glued = pattern("*cilium.io");
        // then
        assertThat(subdomain.matches("sub.cilium.io")).isTrue();
        assertThat(subdomain.matches("cilium.io")).isFalse();
        assertThat(subdomain.matches("a.b.cilium.io")).isFalse();
        assertThat(glued.matches("sub-cilium.io")).isTrue();
        assertThat(glued.matches("cilium.io")).isTrue();
        assertThat(glued.matches("www.cilium.io")).isFalse();
    }

    @Test
    void a_leading_double_star_matches_subdomains_of_any_depth_but_not_the_apex() {
        // given
        FqdnMatcher deep = pattern("**.cilium.io");
        // then
        assertThat(deep.matches("a.cilium.io")).isTrue();
        assertThat(deep.matches("a.b.cilium.io")).isTrue();
        assertThat(deep.matches("cilium.io")).isFalse();
    }

    @Test
    void a_lone_star_matches_every_name() {
        // then
        assertThat(pattern("*").matches("anything.example.org")).isTrue();
        assertThat(pattern("*").matchesEverything()).isTrue();
        assertThat(pattern("*.example.org").matchesEverything()).isFalse();
    }
}
