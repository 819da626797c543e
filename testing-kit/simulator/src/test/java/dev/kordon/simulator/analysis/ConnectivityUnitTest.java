package dev.kordon.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.simulator.Endpoint;
import dev.kordon.simulator.Transport;
import dev.kordon.simulator.cluster.ContainerPort;
import dev.kordon.simulator.cluster.Pod;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.ManifestReader;
import dev.kordon.simulator.input.Problems;
import dev.kordon.simulator.net.Ipv4Intervals;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConnectivityUnitTest {

    @Test
    void ipv4_space_is_cut_at_every_cidr_and_except_boundary() {
        assertThat(Ipv4Intervals.split(List.of()).stream().map(Object::toString))
                .containsExactly("0.0.0.0-255.255.255.255");
        assertThat(Ipv4Intervals.split(List.of("10.0.0.0/8", "10.10.0.0/16", "0.0.0.0/0", "fd00::/8")).stream()
                .map(Object::toString)).containsExactly("0.0.0.0-9.255.255.255", "10.0.0.0-10.9.255.255",
                "10.10.0.0-10.10.255.255", "10.11.0.0-10.255.255.255", "11.0.0.0-255.255.255.255");
        assertThat(Ipv4Intervals.split(List.of("104.154.164.170/32")).stream().map(Object::toString))
                .containsExactly("0.0.0.0-104.154.164.169", "104.154.164.170-104.154.164.170",
                        "104.154.164.171-255.255.255.255");
        assertThat(Ipv4Intervals.parse("10.0.0.0/33")).isEmpty();
        assertThat(Ipv4Intervals.parse("255.255.255.255/32").orElseThrow()).containsExactly(Ipv4Intervals.MAX,
                Ipv4Intervals.MAX);
    }

    @Test
    void port_boundaries_come_from_ports_ranges_and_container_ports() {
        List<Manifest> policies = new ManifestReader().read("p.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: a}
                spec:
                  podSelector: {}
                  ingress: [{ports: [{port: 80}, {port: 9000, endPort: 9010}, {port: http}]}]
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]
                """, new Problems());
        Pod pod = new Pod("a", "p", new TreeMap<>(), "", List.of(new ContainerPort("http", 8080, "TCP")), "default",
                false, "", "", Map.of());
        assertThat(Boundaries.portStarts(policies, List.of(pod))).containsExactly(1, 80, 81, 8080, 8081, 9000, 9001,
                9010, 9011);
        assertThat(Boundaries.portIntervals(List.of(1, 80, 81)).stream().map(Object::toString))
                .containsExactly("1-79", "80", "81-65535");
        assertThat(Boundaries.cidrs(policies, "egress")).containsExactly("10.0.0.0/8", "10.1.0.0/16");
        assertThat(Boundaries.cidrs(policies, "ingress")).isEmpty();
    }

    @Test
    void port_boundaries_come_from_cluster_network_policy_port_numbers_and_ranges() {
        // given a ClusterNetworkPolicy, whose ports are destinationPort.number and destinationPort.range
        List<Manifest> policies = new ManifestReader().read("cnp.yaml", """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: sensitive-ports}
                spec:
                  tier: Admin
                  priority: 20
                  subject: {namespaces: {}}
                  ingress:
                  - name: deny
                    action: Deny
                    from: [{namespaces: {}}]
                    protocols:
                    - tcp: {destinationPort: {number: 3389}}
                    - udp: {destinationPort: {range: {start: 9000, end: 9010}}}
                """, new Problems());
        // when / then each port number is cut out of its interval (each end of a range, conservatively, too)
        assertThat(Boundaries.portStarts(policies, List.of())).containsExactly(1, 3389, 3390, 9000, 9001, 9010,
                9011);
    }

    @Test
    void pods_are_folded_into_their_owner() {
        List<Peer> peers = Connectivity.workloads(List.of(pod("b", "web-1", "ReplicaSet/web"),
                pod("b", "web-2", "ReplicaSet/web"), pod("a", "solo", ""), pod("a", "db-0", "StatefulSet/db")));
        assertThat(peers.stream().map(Peer::toString)).containsExactly("a/db[StatefulSet]", "a/solo[Pod]",
                "b/web[ReplicaSet]");
        assertThat(((Endpoint.OfPod) peers.get(2).probe()).pod().name()).isEqualTo("web-1");
    }

    @Test
    void connections_print_as_netpol_analyzer_does() {
        ConnectionSet set = ConnectionSet.of(Map.of(Transport.UDP, List.of(new PortRange(54, 65535),
                new PortRange(1, 52)), Transport.TCP, List.of(new PortRange(1, 79), new PortRange(81, 100),
                new PortRange(101, 65535)), Transport.SCTP, List.of(new PortRange(9003, 9003))));
        assertThat(set).hasToString("SCTP 9003,TCP 1-79,81-65535,UDP 1-52,54-65535");
        assertThat(ConnectionSet.all()).hasToString("All Connections");
        assertThat(ConnectionSet.of(Map.of()).isEmpty()).isTrue();
        Peer web = new Peer("a/web", "Deployment", new Endpoint.OfPod(pod("a", "web", "Deployment/web")));
        Peer out = new Peer("0.0.0.0-255.255.255.255", "External", new Endpoint.External("0.0.0.0", ""));
        List<Connection> lines = List.of(new Connection(web, out, set), new Connection(out, web, ConnectionSet.all()));
        assertThat(ConnectivityFormat.TXT.render(lines)).isEqualTo(
                "a/web[Deployment] => 0.0.0.0-255.255.255.255[External] : SCTP 9003,TCP 1-79,81-65535,UDP 1-52,54-65535\n"
                        + "0.0.0.0-255.255.255.255[External] => a/web[Deployment] : All Connections");
        assertThat(ConnectivityFormat.CSV.render(lines)).isEqualTo("src,dst,conn\n"
                + "a/web[Deployment],0.0.0.0-255.255.255.255[External],\"SCTP 9003,TCP 1-79,81-65535,UDP 1-52,54-65535\"\n"
                + "0.0.0.0-255.255.255.255[External],a/web[Deployment],All Connections");
        assertThat(ConnectivityFormat.JSON.render(List.of())).isEqualTo("[]");
        assertThat(ConnectivityFormat.DOT.render(lines)).startsWith("digraph {\n").endsWith("\n}");
        assertThat(ConnectivityFormat.MD.render(lines)).contains("| a/web[Deployment] |");
    }

    private static Pod pod(String namespace, String name, String owner) {
        return new Pod(namespace, name, new TreeMap<>(), "", List.of(), "default", false, "", owner, Map.of());
    }
}
