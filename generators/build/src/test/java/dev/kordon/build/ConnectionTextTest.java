package dev.kordon.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionTextTest {

    @Test
    void nothing_is_beyond_the_same_connections() {
        assertThat(ConnectionText.parse("TCP 53,UDP 53").beyond(ConnectionText.parse("TCP 53,UDP 53"))).isEmpty();
    }

    @Test
    void names_the_ports_beyond_the_other() {
        // given
        ConnectionText now = ConnectionText.parse("SCTP 1-9002,9004-65535,TCP 80,443");
        ConnectionText before = ConnectionText.parse("SCTP 1-9002,TCP 443");

        // when / then
        assertThat(now.beyond(before)).isEqualTo("SCTP 9004-65535,TCP 80");
        assertThat(before.beyond(now)).isEmpty();
    }

    @Test
    void a_range_cut_in_the_middle_leaves_both_ends() {
        assertThat(ConnectionText.parse("TCP 8000-8100").beyond(ConnectionText.parse("TCP 8050")))
                .isEqualTo("TCP 8000-8049,8051-8100");
    }

    @Test
    void all_connections_is_beyond_any_port_list_and_nothing_is_beyond_it() {
        assertThat(ConnectionText.parse("All Connections").beyond(ConnectionText.parse("TCP 1-65535")))
                .isEqualTo("All Connections");
        assertThat(ConnectionText.parse("TCP 1-65535,UDP 53").beyond(ConnectionText.parse("All Connections")))
                .isEmpty();
    }

    @Test
    void no_connections_is_empty() {
        assertThat(ConnectionText.parse("TCP 5432").beyond(ConnectionText.parse("No Connections")))
                .isEqualTo("TCP 5432");
    }

    @Test
    void rejects_what_is_not_a_connection_list() {
        assertThatThrownBy(() -> ConnectionText.parse("ICMP 8")).hasMessage("unknown protocol 'ICMP' in 'ICMP 8';"
                + " use SCTP, TCP or UDP");
        assertThatThrownBy(() -> ConnectionText.parse("TCP http")).hasMessage("not a connection list: 'TCP http'"
                + " (expected 'All Connections', 'No Connections' or e.g. 'TCP 80,443,UDP 53')");
    }
}
