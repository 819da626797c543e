package dev.kordon.codegen.importer;

import dev.kordon.simulator.input.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What the Istio round trips share: the AuthorizationPolicies of a file, and the difference the notes name. */
final class IstioOnly {

    private IstioOnly() {
    }

    static boolean isAuthorization(Manifest manifest) {
        return manifest.kind().equals("AuthorizationPolicy");
    }

    /** The manifests as one file of JSON documents (JSON is YAML), for an import of these alone. */
    static Path write(List<Manifest> manifests, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, manifests.stream().map(manifest -> manifest.body().toString())
                .collect(Collectors.joining("\n---\n", "", "\n")), StandardCharsets.UTF_8);
    }

    /**
     * What the notes on HTTP denies say: on a connection that is not HTTP, Istio drops a DENY rule's HTTP fields and
     * denies the rule's ports, where the imported deny stops HTTP requests only (the generated DENY does the same).
     */
    static boolean onPlainTcpOfAnHttpDeny(String difference) {
        String flow = difference.lines().findFirst().orElse("");
        return flow.matches(".* TCP/[0-9]+: original denies, imported allows")
                && difference.contains("on this TCP connection Istio drops the HTTP-only");
    }
}
