package dev.kordon.simulator.calico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.simulator.calico.model.View;
import dev.kordon.simulator.calico.selector.Labels;
import dev.kordon.simulator.calico.selector.Selector;
import dev.kordon.simulator.calico.selector.SelectorSyntaxException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalicoSelectorTest {

    private static final Labels WEB = Labels.of(Map.of("app", "web", "tier", "frontend", "env", "prod-eu"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "''                                   ; true",
        "all()                                ; true",
        "!all()                               ; false",
        "global()                             ; true",
        "has(app)                             ; true",
        "has( app )                           ; true",
        "!has(app)                            ; false",
        "app == 'web'                         ; true",
        "app == \"web\"                       ; true",
        "app != 'web'                         ; false",
        "missing != 'x'                       ; true",
        "missing == 'x'                       ; false",
        "app in {'web', 'db'}                 ; true",
        "app in {}                            ; false",
        "app not in {'web'}                   ; false",
        "missing not in {'web'}               ; true",
        "env contains 'd-e'                   ; true",
        "env starts with 'prod'               ; true",
        "env ends with 'eu'                   ; true",
        "env ends  with 'us'                  ; false",
        "app == 'web' && tier == 'backend'    ; false",
        "app == 'db' || tier == 'frontend'    ; true",
        "app == 'db' || tier == 'x' && has(app) ; false",
        "(app == 'db' || has(tier)) && has(env) ; true",
        "!!has(app)                           ; true",
        "!(app == 'web' && has(tier))         ; false",
        "app in {'web',}                      ; true"
    })
    void evaluates_calico_selectors_as_calico_does(String text, boolean expected) {
        // given
        Selector selector = Selector.parse(text);

        // when
        boolean matches = selector.matches(WEB);

        // then
        assertThat(matches).as(text).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "app == web              | invalid selector 'app == web': unexpected characters at position 7 (a selector cannot end with a label: is a value missing its quotes?)",
        "app == web && has(x)    | invalid selector 'app == web && has(x)': expected a quoted string after app == at position 7",
        "app = 'web'             | invalid selector 'app = 'web'': expected == at position 4",
        "app == 'web            | invalid selector 'app == 'web': unterminated string starting at position 7",
        "has(app                 | invalid selector 'has(app': no label name in has( at position 0",
        "app == 'a' && tier      | invalid selector 'app == 'a' && tier': unexpected characters at position 14 (a selector cannot end with a label: is a value missing its quotes?)",
        "app is 'web'            | invalid selector 'app is 'web'': unexpected characters after label 'app' at position 4, expected an operator",
        "(has(app)               | invalid selector '(has(app)': expected ) at position 9",
        "has(app) has(tier)      | invalid selector 'has(app) has(tier)': unexpected content at position 9",
        "app in ('a')            | invalid selector 'app in ('a')': expected a set literal {...} after app in at position 7",
        "app & tier              | invalid selector 'app & tier': expected && at position 4"
    })
    void rejects_what_calico_rejects_and_says_where(String text, String message) {
        // when / then
        assertThatThrownBy(() -> Selector.parse(text)).isInstanceOf(SelectorSyntaxException.class)
                .hasMessage(message);
    }

    @Test
    void newlines_are_not_whitespace_in_calico_selectors() {
        // when / then
        assertThatThrownBy(() -> Selector.parse("has(app) &&\nhas(tier)")).isInstanceOf(SelectorSyntaxException.class);
    }

    @Test
    void says_which_label_differs() {
        // given
        Selector selector = Selector.parse("app == 'frontend' && has(tier)");

        // when
        String why = selector.whyNot(Labels.of(Map.of("app", "frontnd", "tier", "x"))).orElseThrow();

        // then
        assertThat(why).isEqualTo("app == \"frontend\" but app is \"frontnd\"");
    }

    @Test
    void says_which_label_is_missing_and_that_no_alternative_held() {
        // given
        Selector selector = Selector.parse("role in {'a', 'b'} || has(admin)");

        // when
        String why = selector.whyNot(Labels.of(Map.of())).orElseThrow();

        // then
        assertThat(why).isEqualTo("none of (role in {\"a\", \"b\"} || has(admin)) holds: role in {\"a\", \"b\"} but"
                + " there is no label role; has(admin) but there is no label admin");
    }

    @Test
    void a_namespace_selector_sees_namespace_labels_and_all_means_any_namespace() {
        // given
        Map<String, String> endpoint = Map.of("app", "web", "pcns.env", "dev", "projectcalico.org/namespace", "x");
        Map<String, String> globalSet = Map.of("role", "external");

        // then
        assertThat(Selector.parse("env == 'dev'").matches(View.NAMESPACE.over(endpoint))).isTrue();
        assertThat(Selector.parse("app == 'web'").matches(View.NAMESPACE.over(endpoint))).isFalse();
        assertThat(Selector.parse("all()").matches(View.NAMESPACE.over(globalSet))).isFalse();
        assertThat(Selector.parse("global()").matches(View.NAMESPACE.over(globalSet))).isTrue();
        assertThat(Selector.parse("global()").matches(View.NAMESPACE.over(endpoint))).isFalse();
    }
}
