package dev.kordon.dsl;

import static dev.kordon.dsl.Kordon.GET;
import static dev.kordon.dsl.Kordon.POST;
import static dev.kordon.dsl.Kordon.allPods;
import static dev.kordon.dsl.Kordon.allow;
import static dev.kordon.dsl.Kordon.allowDns;
import static dev.kordon.dsl.Kordon.cidr;
import static dev.kordon.dsl.Kordon.guardrail;
import static dev.kordon.dsl.Kordon.isolate;
import static dev.kordon.dsl.Kordon.label;
import static dev.kordon.dsl.Kordon.labels;
import static dev.kordon.dsl.Kordon.namespace;
import static dev.kordon.dsl.Kordon.policySet;
import static dev.kordon.dsl.Kordon.tcp;
import static dev.kordon.dsl.Kordon.udp;
import static dev.kordon.dsl.Kordon.workload;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A policy set is a value: equal meanings are equal, whatever the declaration order, locale or source line. */
class ValueSemanticsTest {

    private static final Workload FRONTEND = workload("shop", "frontend", labels("app", "frontend"))
            .withServiceAccount("frontend");
    private static final Workload BACKEND = workload("shop", "backend", labels("app", "backend"))
            .withServiceAccount("backend")
            .withPort("http", tcp(8080));

    private static List<Intent> shopIntents() {
        return List.of(
                isolate(namespace("shop")).ingressAndEgress(),
                allow(FRONTEND).to(BACKEND).on(tcp(8080)),
                allow(FRONTEND).to(BACKEND).on(tcp(9090)),
                BACKEND.accepts(GET("/api/*"), POST("/api/orders")).from(FRONTEND).on(tcp(8080)),
                allowDns(namespace("shop")),
                guardrail("block-metadata").admin(10).deny().egressFrom(allPods())
                        .to(cidr("169.254.169.254/32")).on(Kordon.anyTraffic()));
    }

    private static PolicySet shop(List<Intent> intents) {
        return policySet("shop").owner("team-shop").description("Storefront").intents(intents).build();
    }

    @Test
    void sets_declared_in_any_order_are_equal_with_equal_hash_and_summary() {
        // given the same intents in ten different orders
        PolicySet reference = shop(shopIntents());
        Random random = new Random(42);
        for (int round = 0; round < 10; round++) {
            List<Intent> shuffled = new ArrayList<>(shopIntents());
            Collections.shuffle(shuffled, random);
            // when the set is built from them
            PolicySet other = shop(shuffled);
            // then it is the same value, with the same names and the same summary
            assertThat(other).isEqualTo(reference);
            assertThat(other.hashCode()).isEqualTo(reference.hashCode());
            assertThat(other.toString()).isEqualTo(reference.toString());
        }
    }

    @Test
    void different_meanings_are_different_values() {
        // given two sets that differ in one port
        PolicySet a = shop(List.of(allow(FRONTEND).to(BACKEND).on(tcp(8080))));
        PolicySet b = shop(List.of(allow(FRONTEND).to(BACKEND).on(tcp(8081))));
        // then they are not equal
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void lists_inside_an_intent_are_sets() {
        // given ports, peers and labels written in different orders and with a duplicate
        Connection a = allow(FRONTEND, namespace("ops")).to(BACKEND).on(tcp(8080), udp(53), tcp(8080));
        Connection b = allow(namespace("ops"), FRONTEND).to(BACKEND).on(udp(53), tcp(8080));
        LabelSelector x = labels("app", "web").and(label("tier").in("b", "a"));
        LabelSelector y = label("tier").in("a", "b").and("app", "web");
        // then they are equal
        assertThat(a).isEqualTo(b);
        assertThat(a.ports()).containsExactly(tcp(8080), udp(53));
        assertThat(x).isEqualTo(y);
        assertThat(x.toString()).isEqualTo("{app=web,tier in (a,b)}");
    }

    @Test
    void where_an_intent_was_declared_is_not_part_of_its_value() {
        // given the same intent declared on two lines
        Connection first = allow(FRONTEND).to(BACKEND).on(tcp(8080));
        Connection second = allow(FRONTEND).to(BACKEND).on(tcp(8080));
        // then both know their own line, yet are equal
        assertThat(first.origin().location()).get().asString().startsWith("ValueSemanticsTest.java:");
        assertThat(first.origin().location()).isNotEqualTo(second.origin().location());
        assertThat(first).isEqualTo(second);
    }

    @Test
    void derived_names_read_like_the_intent() {
        // when a set derives names
        PolicySet set = shop(List.of(isolate(namespace("shop")).ingressAndEgress(),
                BACKEND.accepts(GET("/api/*")).from(FRONTEND).on(tcp(8080))));
        // then they say what the intents do
        assertThat(set.intents()).extracting(Intent::name)
                .containsExactly("allow-frontend-to-backend", "isolate-shop-pods-ingress-egress");
    }

    @Test
    void colliding_derived_names_get_a_hash_of_their_meaning() {
        // given two intents whose derived names would collide
        PolicySet set = shop(List.of(allow(FRONTEND).to(BACKEND).on(tcp(8080)),
                allow(FRONTEND).to(BACKEND).on(tcp(9090))));
        // then each gets a suffix that depends only on what it means
        List<String> names = set.intents().stream().map(Intent::name).toList();
        assertThat(names).hasSize(2).allMatch(name -> name.matches("allow-frontend-to-backend-[0-9a-f]{6}"));
        assertThat(names.get(0)).isNotEqualTo(names.get(1));
        PolicySet again = shop(List.of(allow(FRONTEND).to(BACKEND).on(tcp(9090)),
                allow(FRONTEND).to(BACKEND).on(tcp(8080))));
        assertThat(again.intents()).extracting(Intent::name).containsExactlyElementsOf(names);
    }

    @Test
    void an_explicit_name_wins_and_the_derived_one_moves_aside() {
        // given an intent named like another one's derived name
        PolicySet set = shop(List.of(allow(FRONTEND).to(BACKEND).on(tcp(8080)),
                allow(FRONTEND).to(BACKEND).on(tcp(9090)).named("allow-frontend-to-backend")));
        // then the explicit name is kept and the derived one gets a suffix
        assertThat(set.intent("allow-frontend-to-backend")).get()
                .extracting(intent -> ((Connection) intent).ports()).isEqualTo(List.of(tcp(9090)));
        assertThat(set.intents()).hasSize(2);
    }

    @Test
    void the_same_intent_declared_twice_is_kept_once() {
        // given a duplicate declaration
        PolicySet set = shop(List.of(allow(FRONTEND).to(BACKEND).on(tcp(8080)),
                allow(FRONTEND).to(BACKEND).on(tcp(8080))));
        // then the set holds it once, under its plain name
        assertThat(set.intents()).extracting(Intent::name).containsExactly("allow-frontend-to-backend");
    }

    @Test
    void summaries_do_not_depend_on_the_default_locale() {
        // given a locale whose lower case of 'I' is not 'i'
        Locale saved = Locale.getDefault();
        String reference = shop(shopIntents()).toString();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            // when the same set is built and printed there
            String turkish = shop(shopIntents()).toString();
            // then the text is identical
            assertThat(turkish).isEqualTo(reference).contains("isolate-shop-pods-ingress-egress");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void workloads_are_immutable_values() {
        // given a workload
        Workload plain = workload("shop", "cart", labels("app", "cart"));
        // when it is given an account and a port
        Workload decorated = plain.withServiceAccount("cart").withPort("grpc", tcp(7070));
        // then the original is unchanged and the new one carries both
        assertThat(plain.serviceAccount()).isEmpty();
        assertThat(plain.ports()).isEmpty();
        assertThat(decorated.serviceAccount()).contains("cart");
        assertThat(decorated.ports()).containsEntry("grpc", tcp(7070));
        assertThat(decorated).isNotEqualTo(plain)
                .isEqualTo(workload("shop", "cart", labels("app", "cart")).withPort("grpc", tcp(7070))
                        .withServiceAccount("cart"));
    }

    @Test
    void the_set_collects_the_workloads_its_intents_name() {
        // when a set names two workloads and declares a third
        Workload idle = workload("shop", "idle", labels("app", "idle"));
        PolicySet set = policySet("shop").workloads(idle)
                .intents(allow(FRONTEND).to(BACKEND).on(tcp(8080))).build();
        // then all three are known, in canonical order
        assertThat(set.workloads()).containsExactly(BACKEND, FRONTEND, idle);
    }

    @Test
    void the_summary_lists_metadata_workloads_and_intents() {
        // when a small set is printed
        PolicySet set = policySet("shop").owner("team-shop").description("Storefront").dryRun(true)
                .intents(allow(FRONTEND).to(BACKEND).on(tcp(8080))).build();
        // then the summary reads
        assertThat(set.toString()).isEqualTo(String.join("\n",
                "policy set shop (owner: team-shop, 1 intent, dry run)",
                "  Storefront",
                "  workloads:",
                "    workload(shop/backend {app=backend} sa=backend ports=[http=tcp/8080])",
                "    workload(shop/frontend {app=frontend} sa=frontend)",
                "  intents:",
                "    allow-frontend-to-backend  allow shop/frontend -> shop/backend on tcp/8080 (ingress+egress)",
                ""));
    }

    @Test
    void accepted_downgrades_are_part_of_the_value_and_the_summary() {
        // given the same intent with and without an accepted downgrade
        Connection strict = BACKEND.accepts(GET("/api/*")).from(FRONTEND).on(tcp(8080));
        Connection lenient = strict.accepting(Downgrade.L4_ONLY, Downgrade.L4_ONLY);
        // then they differ, the downgrade is kept once, and the summary names it
        assertThat(lenient).isNotEqualTo(strict);
        assertThat(lenient.accepted()).containsExactly(Downgrade.L4_ONLY);
        assertThat(policySet("shop").intents(lenient).build().toString()).contains(
                "allow shop/frontend -> shop/backend on tcp/8080 http GET /api/* accepting l4-only (ingress)");
    }
}
