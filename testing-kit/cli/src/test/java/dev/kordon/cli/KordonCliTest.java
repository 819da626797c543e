package dev.kordon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KordonCliTest {

    @Test
    void prints_its_version() {
        // when
        CommandRun run = CommandRun.of("--version");

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("kordon " + KordonVersion.version() + "\n");
    }

    @Test
    void help_of_summary_documents_options_default_and_exit_codes() {
        // when
        CommandRun run = CommandRun.of("summary", "--help");

        // then
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("--classpath=PATH").contains("--set=NAME")
                .contains("Without --classpath, providers are looked up on kordon's own class path")
                .contains("Exit codes:").contains("bad input");
    }

    @Test
    void requires_a_subcommand() {
        // when
        CommandRun run = CommandRun.of();

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Missing required subcommand").contains("summary");
    }

    @Test
    void rejects_an_unknown_option_as_bad_input() {
        // when
        CommandRun run = CommandRun.of("summary", "--no-such-option");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }
}
