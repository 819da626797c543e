package com.example.hello;

import static com.example.hello.HelloWorkloads.*;
import static dev.kordon.dsl.Kordon.*;

import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;

/** Who may talk to whom in namespace hello. */
public final class HelloPolicies implements PolicySetProvider {

    public HelloPolicies() {
    }

    @Override
    public List<PolicySet> policySets() {
        return List.of(policySet("hello")
                .workloads(WEB, API, DB)
                .intents(
                        isolate(namespace("hello")).ingressAndEgress(),
                        allow(WEB).to(API).on(tcp(9090)),
                        allow(API).to(DB).on(tcp(5432)))
                .build());
    }
}
