package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.*;
import static dev.kordon.dsl.Problems.assertDeclaredIn;
import static dev.kordon.dsl.Problems.assertProblem;
import static dev.kordon.dsl.Problems.of;
import static dev.kordon.dsl.Problems.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Request conditions: request principals and JWT claims. */
class ConditionValidationTest {

    private static final String WHEN = "policySets[shop].intents[x].when[0]";
    private static final String NOT_ISSUER_SUBJECT_HINT = "write 'https://issuer.example/alice',"
            + " 'https://issuer.example/*', or '*' for any valid JWT";
    private static final String STAR_MESSAGE = "request principal may use '*' only at the start or end of the issuer"
            + " and of the subject: ";
    private static final String STAR_HINT = "write 'https://issuer.example/*' or '*/alice'";
    private static final String CLAIM_NAME_HINT = "give nested claims as separate names without brackets:"
            + " jwtClaim(\"realm_access\", \"roles\")";

    private static final Workload WEB = workload("shop", "web", labels("app", "web"));
    private static final Workload API = workload("shop", "api", labels("app", "api"));

    private static PolicySet.Builder webToApiWhen(Condition first, Condition... more) {
        return policySet("shop").intents(allow(WEB).to(API).on(tcp(8080)).when(first, more).named("x"));
    }

    // ---- JWT claims need an identity ---------------------------------------------------------------------------

    @Test
    void rejects_jwt_claim_of_a_deny_without_a_request_principal() {
        // given a deny that a request without any JWT would slip past
        PolicySet.Builder set = policySet("shop").intents(
                deny(WEB).to(API).on(tcp(8080)).when(jwtClaim("role").anyOf("guest")).named("x"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, "JWT claim condition 'jwt[role] in (guest)' of a deny has no request identity to"
                + " come from", "add requestPrincipal(\"issuer/subject\") or anyRequestPrincipal() to the same intent,"
                + " so that requests without a valid JWT cannot slip past it");
        assertDeclaredIn(problem, ConditionValidationTest.class);
    }

    @Test
    void accepts_jwt_claim_of_an_allow_without_a_request_principal() {
        // given an allow: a request without a JWT has no claim, so the allow does not match it
        PolicySet.Builder set = webToApiWhen(jwtClaim("role").anyOf("admin"));

        // then
        assertThat(of(set)).isEmpty();
    }

    @Test
    void accepts_jwt_claims_together_with_a_request_principal() {
        // given
        PolicySet.Builder set = policySet("shop").intents(
                allow(WEB).to(API).on(tcp(8080)).when(jwtClaim("role").anyOf("admin"), anyRequestPrincipal()),
                allow(WEB).to(API).on(tcp(8443)).when(jwtClaim("realm_access", "roles").anyOf("ops"),
                        requestPrincipal("https://issuer.example/*")));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }

    // ---- JWT claim names and values ----------------------------------------------------------------------------

    @Test
    void rejects_jwt_claim_name_with_brackets() {
        // given: conditions are sorted by text, so the claim comes before the principal
        PolicySet.Builder set = webToApiWhen(jwtClaim("realm_access[roles]").anyOf("ops"), anyRequestPrincipal());

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, "JWT claim name is not valid: 'realm_access[roles]'", CLAIM_NAME_HINT);
        assertDeclaredIn(problem, ConditionValidationTest.class);
    }

    @Test
    void rejects_empty_nested_jwt_claim_name() {
        // given
        PolicySet.Builder set = webToApiWhen(jwtClaim("realm_access", "").anyOf("ops"), anyRequestPrincipal());

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, "JWT claim name is not valid: ''", CLAIM_NAME_HINT);
    }

    @Test
    void rejects_jwt_claim_without_values() {
        // given
        PolicySet.Builder set = webToApiWhen(new Condition.JwtClaim(List.of("role"), List.of()), anyRequestPrincipal());

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, "JWT claim condition has no values", "list the accepted values: anyOf(...)");
    }

    // ---- request principals ------------------------------------------------------------------------------------

    @Test
    void rejects_request_principal_without_a_slash() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("alice"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, "request principal is not 'issuer/subject': 'alice'", NOT_ISSUER_SUBJECT_HINT);
        assertDeclaredIn(problem, ConditionValidationTest.class);
    }

    @Test
    void rejects_request_principal_without_a_subject() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("https://issuer.example/"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, "request principal is not 'issuer/subject': 'https://issuer.example/'",
                NOT_ISSUER_SUBJECT_HINT);
    }

    @Test
    void rejects_request_principal_without_an_issuer() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("/alice"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, "request principal is not 'issuer/subject': '/alice'", NOT_ISSUER_SUBJECT_HINT);
    }

    @Test
    void rejects_request_principal_with_a_star_inside_the_subject() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("https://issuer.example/al*ce"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, STAR_MESSAGE + "'https://issuer.example/al*ce'", STAR_HINT);
    }

    @Test
    void rejects_request_principal_with_a_star_inside_the_issuer() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("https://*.example/alice"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, STAR_MESSAGE + "'https://*.example/alice'", STAR_HINT);
    }

    @Test
    void rejects_request_principal_with_a_double_star_issuer() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("**/alice"));

        // when
        Problem problem = only(set);

        // then
        assertProblem(problem, WHEN, STAR_MESSAGE + "'**/alice'", STAR_HINT);
    }

    @Test
    void reports_each_bad_pattern_of_one_request_principal_condition() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("alice", "https://issuer.example/al*ce"));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).extracting(Problem::message).containsExactly(
                "request principal is not 'issuer/subject': 'alice'",
                STAR_MESSAGE + "'https://issuer.example/al*ce'");
        assertThat(problems).extracting(Problem::path).containsOnly(WHEN);
    }

    @Test
    void accepts_exact_prefix_suffix_and_any_request_principals() {
        // given
        PolicySet.Builder set = webToApiWhen(requestPrincipal("*", "https://issuer.example/alice",
                "https://issuer.example/*", "*/alice", "https://issuer.example/svc-*", "*.example/alice"));

        // when
        List<Problem> problems = of(set);

        // then
        assertThat(problems).isEmpty();
    }
}
