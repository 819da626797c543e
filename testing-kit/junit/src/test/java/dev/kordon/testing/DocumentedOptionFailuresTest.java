package dev.kordon.testing;

import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.fixture.Shop.BACKEND;
import static dev.kordon.testing.fixture.Shop.FRONTEND;

import dev.kordon.testing.fixture.Shop;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The failure texts of docs/testing.md that need profile options, checked like {@link DocumentedFailuresTest}'s. */
@KordonTest(policies = Shop.class, cluster = "src/test/resources/k8s/shop.yaml", targets = "calico",
        calicoApplicationLayerPolicy = "true", calicoHttpPrefixes = "raw")
class DocumentedOptionFailuresTest {

    @ReachabilityTest(targets = "calico")
    void on_calico_before_3_31_7(Reachability net) throws IOException {
        Map<String, ThrowingCallable> failures = new LinkedHashMap<>();
        failures.put("denies-raw-prefix", () -> assertThat(net).denies(from(FRONTEND).to(BACKEND)
                .get("/api/../admin").port(8080)));
        DocumentedFailuresTest.check(failures);
    }
}
