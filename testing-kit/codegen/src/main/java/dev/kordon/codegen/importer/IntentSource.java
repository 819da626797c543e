package dev.kordon.codegen.importer;

import com.palantir.javapoet.CodeBlock;
import dev.kordon.codegen.DslSource;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Direction;
import dev.kordon.dsl.Downgrade;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.Tier;
import java.util.Locale;
import java.util.Set;

/**
 * An intent written as the DSL statement that declares it: {@code allow(a).to(b).on(tcp(80)).onlyIngress()},
 * {@code isolate(x).ingress()}, {@code guardrail("n").admin(10).deny().egressFrom(a).to(b).on(anyTraffic())}, with
 * {@code .named(...)} when the name is not the one the DSL would derive; HTTP rules, request conditions and accepted
 * downgrades follow the ports ({@code .requests(GET("/api/*")).when(anyRequestPrincipal())}, {@code .accepting(...)}).
 */
final class IntentSource {

    private final DslSource dsl;

    IntentSource(DslSource dsl) {
        this.dsl = dsl;
    }

    CodeBlock intent(Intent intent) {
        CodeBlock statement = intent instanceof Connection connection ? connection(connection)
                : isolation((Isolation) intent);
        String derived = intent instanceof Connection connection ? connection.baseName()
                : ((Isolation) intent).baseName();
        if (intent instanceof Connection connection && connection.isGuardrail() || derived.equals(intent.name())) {
            return statement;
        }
        return CodeBlock.builder().add(statement).add("$Z.named($S)", intent.name()).build();
    }

    private CodeBlock isolation(Isolation isolation) {
        Set<Direction> directions = isolation.directions();
        String step = directions.size() == 2 ? "ingressAndEgress" : directions.iterator().next().toString();
        return CodeBlock.of("$T.isolate($L).$L()", DslSource.KORDON, dsl.peers(isolation.subjects()), step);
    }

    private CodeBlock connection(Connection connection) {
        if (connection.isGuardrail()) {
            return guardrail(connection);
        }
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T." + connection.action().name().toLowerCase(Locale.ROOT) + "($L)", DslSource.KORDON,
                        dsl.peers(connection.sources()))
                .add("$Z.to($L)", dsl.peers(connection.destinations()))
                .add("$Z.on($L)", DslSource.ports(connection.ports()))
                .add(requests(connection));
        Set<Direction> sides = connection.enforcedAt();
        if (sides.size() == 1) {
            code.add("$Z.only$L()", sides.contains(Direction.INGRESS) ? "Ingress" : "Egress");
        }
        return code.add(accepting(connection)).build();
    }

    /** {@code .requests(GET("/api/*"))} and {@code .when(anyRequestPrincipal())}, for those the intent has. */
    private static CodeBlock requests(Connection connection) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (!connection.http().isEmpty()) {
            code.add("$Z.requests($L)", connection.http().stream().map(DslSource::http)
                    .collect(CodeBlock.joining(",$W")));
        }
        if (!connection.conditions().isEmpty()) {
            code.add("$Z.when($L)", connection.conditions().stream().map(DslSource::condition)
                    .collect(CodeBlock.joining(",$W")));
        }
        return code.build();
    }

    /** {@code .accepting(Downgrade.L4_ONLY)}, when the intent accepts downgrades. */
    private static CodeBlock accepting(Connection connection) {
        if (connection.accepted().isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.of("$Z.accepting($L)", connection.accepted().stream()
                .map(downgrade -> CodeBlock.of("$T.$L", Downgrade.class, downgrade.name()))
                .collect(CodeBlock.joining(",$W")));
    }

    private CodeBlock guardrail(Connection connection) {
        String tier = connection.tier() == Tier.ADMIN ? "admin" : "baseline";
        String action = connection.action().name().toLowerCase(Locale.ROOT);
        CodeBlock.Builder code = CodeBlock.builder().add("$T.guardrail($S).$L($L).$L()", DslSource.KORDON,
                connection.name(), tier, connection.priority(), action);
        if (connection.enforcedAt().contains(Direction.EGRESS)) {
            code.add("$Z.egressFrom($L).to($L)", dsl.peers(connection.sources()),
                    dsl.peers(connection.destinations()));
        } else {
            code.add("$Z.ingressTo($L).from($L)", dsl.peers(connection.destinations()),
                    dsl.peers(connection.sources()));
        }
        return code.add("$Z.on($L)", DslSource.ports(connection.ports())).add(requests(connection))
                .add(accepting(connection)).build();
    }
}
