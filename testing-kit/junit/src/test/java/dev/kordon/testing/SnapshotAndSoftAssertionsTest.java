package dev.kordon.testing;

import static dev.kordon.testing.Probes.anyPodIn;
import static dev.kordon.testing.Probes.from;
import static dev.kordon.testing.fixture.Shop.BACKEND;
import static dev.kordon.testing.fixture.Shop.DATABASE;
import static dev.kordon.testing.fixture.Shop.FRONTEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kordon.testing.fixture.Shop;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Snapshots (compared whole, written only on request) and soft assertions (every failure collected). */
@KordonTest(policies = Shop.class, cluster = "src/test/resources/k8s/shop.yaml", targets = "cilium")
class SnapshotAndSoftAssertionsTest {

    @ReachabilityTest(targets = "intent")
    void a_changed_connectivity_lists_what_was_added_and_removed(Reachability net) {
        comparingEvenWhenTheRunUpdatesSnapshots();
        assertThatThrownBy(() -> KordonAssertions.assertThat(net)
                .matchesSnapshot("src/test/resources/snapshots/intent-before-database-rule.txt"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("The reachability on intent differs from the snapshot ")
                .hasMessageEndingWith("intent-before-database-rule.txt:\n"
                        + "  + shop/backend[Deployment] => shop/database[StatefulSet] : TCP 5432   (allowed now, not in"
                        + " the snapshot)\n"
                        + "  - shop/frontend[Deployment] => shop/database[StatefulSet] : TCP 5432   (in the snapshot,"
                        + " not allowed now)\n"
                        + "  fix: if the change is intended, run the tests with -Dkordon.updateSnapshots=true and commit"
                        + " the snapshot")
                .satisfies(error -> assertThat(((AssertionFailedError) error).getExpected().getStringRepresentation())
                        .contains("shop/frontend[Deployment] => shop/database[StatefulSet] : TCP 5432"));
    }

    @ReachabilityTest(targets = "intent")
    void a_missing_snapshot_says_how_to_write_it(Reachability net, @TempDir Path directory) {
        comparingEvenWhenTheRunUpdatesSnapshots();
        Path file = directory.resolve("none.txt");
        assertThatThrownBy(() -> KordonAssertions.assertThat(net).matchesSnapshot(file.toString()))
                .hasMessage("No reachability snapshot for intent at " + file + "\n  fix: run the tests with"
                        + " -Dkordon.updateSnapshots=true to write it, review it, and commit it");
        assertThat(Files.exists(file)).isFalse();
    }

    @ReachabilityTest(targets = "intent")
    void the_update_property_writes_the_snapshot(Reachability net, @TempDir Path directory) throws Exception {
        Path file = directory.resolve("deep/written.txt");
        System.setProperty(Snapshots.UPDATE, "true");
        try {
            KordonAssertions.assertThat(net).matchesSnapshot(file.toString());
        } finally {
            System.clearProperty(Snapshots.UPDATE);
        }
        assertThat(Files.readString(file)).contains("shop/backend[Deployment] => shop/database[StatefulSet] : TCP 5432\n");
        KordonAssertions.assertThat(net).matchesSnapshot(file.toString());
    }

    private String updating;

    /** These tests check what a comparison reports, so a run with -Dkordon.updateSnapshots=true must not write. */
    private void comparingEvenWhenTheRunUpdatesSnapshots() {
        updating = System.clearProperty(Snapshots.UPDATE);
    }

    @org.junit.jupiter.api.AfterEach
    void restoreTheUpdateProperty() {
        if (updating != null) {
            System.setProperty(Snapshots.UPDATE, updating);
        }
    }

    @ReachabilityTest(targets = "cilium")
    void soft_assertions_collect_every_failure(Reachability net) {
        KordonSoftAssertions softly = new KordonSoftAssertions();
        softly.assertThat(net).allows(from(FRONTEND).to(DATABASE).port(5432));
        softly.assertThat(net).allows(from(BACKEND).to(DATABASE).port(5432));
        softly.assertThat(net.workload(DATABASE)).isIsolated();
        softly.assertThat(net).denies(from(anyPodIn("kube-system")).to(BACKEND).port(8080));
        softly.assertThat(net.workload(FRONTEND)).isIsolatedForIngress();

        assertThat(softly.errorsCollected()).hasSize(2);
        assertThat(softly.errorsCollected().get(0)).hasMessageStartingWith("Expecting shop/frontend -> shop/database"
                + " TCP/5432 to be allowed on cilium, but it is denied:");
        assertThat(softly.errorsCollected().get(1)).hasMessageStartingWith("Expecting shop/frontend to be isolated for"
                + " ingress on cilium, but a stranger (kordon-stranger/stranger, ip:192.0.2.1) gets through:");
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (2 failures)");
    }
}
