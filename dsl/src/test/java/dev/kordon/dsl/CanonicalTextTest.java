package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Canonical text is injective: different values never print the same, so deduplication never drops one. */
class CanonicalTextTest {

    private static final Workload A = workload("shop", "a", labels("app", "a"));
    private static final Workload B = workload("shop", "b", labels("app", "b"));

    @Test
    void a_comma_inside_a_path_is_not_a_separator() {
        // given one rule for the path "/a,/b" and one for the two paths "/a" and "/b"
        Connection connection = allow(A).to(B).on(tcp(80)).requests(GET("/a,/b"), GET("/a", "/b"));
        // then both rules are kept and print differently
        assertThat(connection.http()).hasSize(2);
        assertThat(connection.http()).extracting(HttpRule::toString)
                .containsExactly("GET \"/a,/b\"", "GET /a,/b");
    }

    @Test
    void a_comma_inside_a_claim_value_is_not_a_separator() {
        // given
        Connection connection = allow(A).to(B).on(tcp(80)).when(anyRequestPrincipal(),
                jwtClaim("role").anyOf("a,b"), jwtClaim("role").anyOf("a", "b"));
        // then all three conditions are kept
        assertThat(connection.conditions()).hasSize(3);
        assertThat(connection.conditions()).extracting(Condition::toString).contains(
                "jwt[role] in (\"a,b\")", "jwt[role] in (a,b)");
    }

    @Test
    void quotes_escape_quotes_and_backslashes() {
        assertThat(Canonical.quote("plain/path-1.x")).isEqualTo("plain/path-1.x");
        assertThat(Canonical.quote("")).isEqualTo("\"\"");
        assertThat(Canonical.quote("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
        assertThat(Canonical.quote("!x")).isEqualTo("\"!x\"");
    }

    @Test
    void label_requirements_stay_distinct_when_values_contain_separators() {
        // given an (invalid) key that looks like a negation, and the real negation
        LabelSelector tricky = LabelSelector.of(new LabelRequirement("!x", LabelRequirement.Operator.EXISTS,
                java.util.List.of()));
        LabelSelector negation = label("x").doesNotExist();
        // then they print differently
        assertThat(tricky.toString()).isNotEqualTo(negation.toString());
    }
}
