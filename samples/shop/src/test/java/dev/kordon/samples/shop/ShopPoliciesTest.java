package dev.kordon.samples.shop;

import static dev.kordon.dsl.Kordon.KUBE_DNS;
import static dev.kordon.dsl.Kordon.cidr;
import static dev.kordon.dsl.Kordon.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.dsl.Action;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShopPoliciesTest {

    @Test
    void registers_the_shop_for_service_loading() {
        // given
        ClassLoader classLoader = ShopPolicies.class.getClassLoader();

        // when
        List<PolicySet> sets = PolicySets.load(classLoader);

        // then
        assertThat(sets).extracting(PolicySet::name).containsExactly("shop");
        assertThat(sets).extracting(PolicySet::owner).containsExactly("team-shop");
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
                .containsExactly("GET /api/*", "POST /api/orders");
        assertThat(connection.accepted())
                .containsExactly(Downgrade.L4_ONLY, Downgrade.SERVICE_ACCOUNT_AS_POD_LABELS);
    }

    @Test
    void backend_reaches_its_database_and_the_payment_provider() {
        // given
        PolicySet shop = ShopPolicies.shop();

        // when
        Connection database = connection(shop, "allow-backend-to-database");
        Connection payments = connection(shop, "allow-backend-to-cidr-198-51-100-0-24");

        // then
        assertThat(database.ports()).containsExactly(tcp(5432));
        assertThat(payments.ports()).containsExactly(tcp(443));
        assertThat(payments.destinations()).containsExactly(cidr(ShopPolicies.PAYMENT_PROVIDER));
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
