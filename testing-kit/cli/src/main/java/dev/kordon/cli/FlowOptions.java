package dev.kordon.cli;

import dev.kordon.simulator.EndpointSyntax;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Flow;
import dev.kordon.simulator.HttpRequest;
import dev.kordon.simulator.Simulator;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.ClusterReader;
import dev.kordon.simulator.input.InputException;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options shared by {@code eval} and {@code explain}: the input, the profile and one flow. */
final class FlowOptions {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Manifests: policies and the cluster (Namespaces, Pods, Deployments, StatefulSets, DaemonSets,"
                    + " ReplicaSets, Jobs, CronJobs, ServiceAccounts); files or directories, YAML or JSON.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--from", required = true, paramLabel = "ENDPOINT", description = "ns/pod, ip:A.B.C.D or fqdn:NAME.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ENDPOINT", description = "ns/pod, ip:A.B.C.D or fqdn:NAME.")
    String to;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The destination port.")
    int port;

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "TCP", description = "TCP, UDP, SCTP or ICMP.")
    String protocol;

    @Option(names = "--method", paramLabel = "M", description = "An HTTP method, for a request on a TCP port.")
    String method;

    @Option(names = "--path", paramLabel = "P", description = "An HTTP path, for a request on a TCP port.")
    String path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "txt",
            description = "txt (default) or json (the flow, the decision and, for explain, every step).")
    String format;

    /** The simulator and the flow, or every input problem. */
    Evaluation evaluation() {
        Problems problems = new Problems();
        EnforcementProfile enforcement = profile.profile(problems);
        List<Manifest> manifests = new ManifestReader().read(paths, problems);
        ClusterReader.Split split = new ClusterReader().read(manifests, problems);
        Optional<Endpoint> source = endpoint("--from", from, split, problems);
        Optional<Endpoint> destination = endpoint("--to", to, split, problems);
        Transport transport = transport(problems);
        if (!List.of("txt", "json").contains(format.toLowerCase(Locale.ROOT))) {
            problems.add("--format", "", "", "is not a format of this command: '" + format + "'", "use txt or json");
        }
        problems.throwIfAny();
        Simulator simulator = Simulator.build(split.cluster(), split.policies(), enforcement);
        Flow flow = transport.hasPorts() ? Flow.of(source.get(), destination.get(), transport, port)
                : Flow.icmp(source.get(), destination.get(), transport, -1);
        if (method != null || path != null) {
            flow = flow.withHttp(new HttpRequest(method == null ? "GET" : method, path == null ? "/" : path, "",
                    Map.of(), Optional.empty()));
        }
        return new Evaluation(simulator, flow);
    }

    /** A simulator and the flow to decide. */
    record Evaluation(Simulator simulator, Flow flow) {
    }

    private static Optional<Endpoint> endpoint(String option, String text, ClusterReader.Split split, Problems problems) {
        Optional<Endpoint> endpoint = EndpointSyntax.parse(text, split.cluster());
        if (endpoint.isEmpty()) {
            problems.add(option, "", "", "names no pod of the cluster: '" + text + "'", EndpointSyntax.hint());
        }
        return endpoint;
    }

    private Transport transport(Problems problems) {
        try {
            Transport transport = Transport.valueOf(protocol.toUpperCase(Locale.ROOT));
            if (transport.hasPorts() && (port < 1 || port > 65535)) {
                problems.add("--port", "", "", "is not a port from 1 to 65535: " + port, "give --port for " + transport);
            }
            return transport;
        } catch (IllegalArgumentException e) {
            problems.add("--protocol", "", "", "is not a protocol: '" + protocol + "'", "use TCP, UDP, SCTP or ICMP");
            return Transport.TCP;
        }
    }

    /** Whether the verdict is printed as JSON. */
    boolean json() {
        return format.equalsIgnoreCase("json");
    }

    /** Runs the evaluation, printing input problems as bad input. */
    static int run(FlowOptions options, java.io.PrintWriter err, java.util.function.Consumer<Evaluation> print) {
        try {
            print.accept(options.evaluation());
            return ExitCodes.OK;
        } catch (InputException e) {
            err.print("kordon: " + e.getMessage() + "\n");
            return ExitCodes.BAD_INPUT;
        }
    }
}
