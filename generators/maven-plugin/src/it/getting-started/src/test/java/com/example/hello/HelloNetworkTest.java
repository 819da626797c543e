package com.example.hello;

import static com.example.hello.HelloWorkloads.*;
import static dev.kordon.testing.KordonAssertions.assertThat;
import static dev.kordon.testing.Probes.from;

import dev.kordon.testing.KordonTest;
import dev.kordon.testing.Reachability;
import dev.kordon.testing.ReachabilityTest;

@KordonTest(policies = HelloPolicies.class, targets = {"kubernetes", "cilium"})
class HelloNetworkTest {

    @ReachabilityTest
    void the_api_reaches_its_database(Reachability net) {
        assertThat(net).allows(from(API).to(DB).port(5432));
        assertThat(net).denies(from(WEB).to(DB).port(5432));
    }
}
