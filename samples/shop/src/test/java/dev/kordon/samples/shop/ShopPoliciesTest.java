package dev.kordon.samples.shop;

import static dev.kordon.dsl.Kordon.KUBE_DNS;
import static dev.kordon.dsl.Kordon.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.Tier;
import dev.kordon.dsl.spi.PolicySets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShopPoliciesTest {

    @Test
    void registers_both_policy_sets_for_service_loading() {
        // given
        ClassLoader classLoader = ShopPolicies.class.getClassLoader();

        // when
        List<PolicySet> sets = PolicySets.load(classLoader);

        // then
        assertThat(sets).extracting(PolicySet::name).containsExactly("platform-guardrails", "shop");
        assertThat(sets).extracting(PolicySet::owner).containsExactly("platform-team", "team-shop");
    }

    @Test
    void every_policy_set_is_valid() {
        // given
        List<PolicySet> sets = new ShopPolicies().policySets();

        // when / then
        assertThat(sets).allSatisfy(set -> assertThat(set.validate().problems()).isEmpty());
    }

    @Test
    void frontend_may_call_the_backend_on_its_http_port() {
        // given
        PolicySet shop = ShopPolicies.shop();

        // when
        Connection connection = connection(shop, "allow-frontend-to-backend");

        // then
        assertThat(connection.action()).isEqualTo(Action.ALLOW);
        assertThat(connection.sources()).containsExactly(ShopWorkloads.FRONTEND);
        assertThat(connection.destinations()).containsExactly(ShopWorkloads.BACKEND);
        assertThat(connection.ports()).containsExactly(tcp(8080));
        assertThat(connection.enforcedAt()).containsExactly(Direction.EGRESS);
    }

    @Test
    void backend_accepts_only_api_requests_from_the_frontend_service_account() {
        // given
        PolicySet shop = ShopPolicies.shop();

        // when
        Connection connection = connection(shop, "allow-sa-frontend-to-backend");

        // then
        assertThat(connection.isL7()).isTrue();
        assertThat(connection.ports()).containsExactly(tcp(8080));
        assertThat(connection.enforcedAt()).containsExactly(Direction.INGRESS);
        assertThat(connection.http()).extracting(Object::toString)
                .anySatisfy(rule -> assertThat(rule).contains("GET").contains("/api/"));
    }

    @Test
    void backend_reaches_its_database_and_the_payment_provider() {
        // given
        PolicySet shop = ShopPolicies.shop();

        // when
        Connection database = connection(shop, "allow-backend-to-database");
        Connection payments = connection(shop, "allow-backend-to-api-stripe-com");

        // then
        assertThat(database.ports()).containsExactly(tcp(5432));
        assertThat(payments.ports()).containsExactly(tcp(443));
    }

    @Test
    void shop_namespace_is_isolated_both_ways_and_may_resolve_names() {
        // given
        PolicySet shop = ShopPolicies.shop();

        // when
        List<Isolation> isolations = shop.isolations();

        // then
        assertThat(isolations).singleElement().satisfies(isolation ->
                assertThat(isolation.directions()).isEqualTo(Set.of(Direction.INGRESS, Direction.EGRESS)));
        assertThat(shop.connections()).anySatisfy(connection -> {
            assertThat(connection.destinations()).containsExactly(KUBE_DNS);
            assertThat(connection.ports()).contains(tcp(53));
        });
    }

    @Test
    void guardrails_are_admin_denies_with_distinct_priorities_and_one_baseline_default() {
        // given
        PolicySet guardrails = ShopPolicies.platformGuardrails();

        // when
        List<Connection> connections = guardrails.connections();

        // then
        assertThat(connections).extracting(Intent::name).containsExactly(
                "baseline-deny-egress-to-world", "block-metadata-server", "deny-sensitive-ports-from-world",
                "tenant-a-cannot-reach-tenant-b");
        assertThat(connections).allSatisfy(connection -> assertThat(connection.action()).isEqualTo(Action.DENY));
        assertThat(connections).filteredOn(connection -> connection.tier() == Tier.ADMIN)
                .extracting(Connection::priority).containsExactlyInAnyOrder(10, 20, 30);
        assertThat(connection(guardrails, "baseline-deny-egress-to-world").tier()).isEqualTo(Tier.BASELINE);
        assertThat(connection(guardrails, "deny-sensitive-ports-from-world").ports())
                .containsExactly(tcp(22), tcp(3389), tcp(5432));
    }

    @Test
    void building_twice_gives_equal_policy_sets() {
        // given
        ShopPolicies provider = new ShopPolicies();

        // when
        List<PolicySet> first = provider.policySets();
        List<PolicySet> second = provider.policySets();

        // then
        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(PolicySet::toString).isEqualTo(second.stream().map(PolicySet::toString).toList());
    }

    private static Connection connection(PolicySet set, String name) {
        return set.intent(name)
                .filter(Connection.class::isInstance)
                .map(Connection.class::cast)
                .orElseThrow(() -> new AssertionError("no connection named '" + name + "' in " + set));
    }
}
