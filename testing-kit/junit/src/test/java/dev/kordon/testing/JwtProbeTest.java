package dev.kordon.testing;

import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.fixture.AdminApi.BACKEND;
import static dev.kordon.testing.fixture.AdminApi.FRONTEND;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.testing.fixture.AdminApi;
import java.util.Map;

/** Probes that carry a validated JWT, for intents with request conditions. */
@KordonTest(policies = AdminApi.class, targets = {})
class JwtProbeTest {

    @ReachabilityTest(targets = "intent")
    void only_admins_reach_the_admin_api(Reachability net) {
        assertThat(net).allows(from(FRONTEND).to(BACKEND).get("/api/admin/users").port(8080)
                .jwt("https://idp.example", "alice", Map.of("role", "admin")));
        assertThat(net).denies(from(FRONTEND).to(BACKEND).get("/api/admin/users").port(8080)
                .jwt("https://idp.example", "bob", Map.of("role", "user")),
                from(FRONTEND).to(BACKEND).get("/api/admin/users").port(8080));
    }

    @ReachabilityTest(targets = "intent")
    void a_jwt_belongs_to_a_request(Reachability net) {
        assertThatThrownBy(() -> from(FRONTEND).to(BACKEND).port(8080).jwt("i", "s", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a JWT belongs to an HTTP request; call get(path), post(path) or request(method, path)"
                        + " first");
    }
}
