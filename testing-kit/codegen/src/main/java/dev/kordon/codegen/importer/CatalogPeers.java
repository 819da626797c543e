package dev.kordon.codegen.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.kordon.codegen.catalog.Catalog;
import dev.kordon.codegen.catalog.CatalogConstant;
import dev.kordon.codegen.catalog.CatalogRequest;
import dev.kordon.dsl.Connection;
import dev.kordon.dsl.Intent;
import dev.kordon.dsl.Isolation;
import dev.kordon.dsl.NamespaceScope;
import dev.kordon.dsl.Peer;
import dev.kordon.dsl.Pods;
import dev.kordon.dsl.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads of a catalog as peers: a {@code pods(inNamespace(ns), selector)} that selects exactly the pods of one
 * catalog workload (same namespace, same selector, and no other workload with that selector there) becomes that
 * workload, which the source writes as its constant. The selection is the same, so the meaning is too.
 */
final class CatalogPeers {

    private final Map<Pods, Workload> byPods = new HashMap<>();
    private final Map<Workload, CodeBlock> constants = new HashMap<>();

    private CatalogPeers() {
    }

    /** The catalog of the request's workloads, or none. */
    static CatalogPeers of(ImportRequest request) {
        CatalogPeers peers = new CatalogPeers();
        if (request.workloads().isEmpty()) {
            return peers;
        }
        List<CatalogConstant> all = new Catalog().constants(new CatalogRequest(request.workloads(),
                request.catalogPackage(), request.catalogSimpleName(), request.defaultNamespace()));
        Map<Pods, Integer> count = new HashMap<>();
        for (CatalogConstant constant : all) {
            Pods pods = pods(constant.workload());
            count.merge(pods, 1, Integer::sum);
            peers.byPods.put(pods, constant.workload());
            peers.constants.put(constant.workload(), CodeBlock.of("$T.$L", ClassName.get(constant.packageName(),
                    constant.className(), constant.namespaceClass()), constant.field()));
        }
        count.forEach((pods, n) -> {
            if (n > 1) {
                peers.byPods.remove(pods); // two workloads select the same pods: neither name is the right one
            }
        });
        return peers;
    }

    private static Pods pods(Workload workload) {
        return new Pods(new NamespaceScope.Named(List.of(workload.namespace())), workload.selector());
    }

    /** How the source writes each catalog workload. */
    Map<Workload, CodeBlock> constants() {
        return constants;
    }

    /** The intent with every peer that is a catalog workload's pods replaced by the workload. */
    PolicyImport.Imported substitute(PolicyImport.Imported imported) {
        Intent intent = imported.intent();
        Intent replaced;
        if (intent instanceof Connection c) {
            replaced = new Connection(c.name(), c.tier(), c.priority(), c.action(), replace(c.sources()),
                    replace(c.destinations()), c.ports(), c.http(), c.conditions(), c.enforcedAt(), c.accepted(),
                    c.origin());
        } else {
            Isolation i = (Isolation) intent;
            replaced = new Isolation(i.name(), replace(i.subjects()), i.directions(), i.origin());
        }
        return new PolicyImport.Imported(imported.policySet(), imported.manifest(), replaced);
    }

    private List<Peer> replace(List<Peer> peers) {
        return peers.stream().map(peer -> peer instanceof Pods pods && byPods.containsKey(pods)
                ? (Peer) byPods.get(pods) : peer).toList();
    }
}
