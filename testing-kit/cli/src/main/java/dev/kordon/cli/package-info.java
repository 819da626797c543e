/**
 * The {@code kordon} command line: loads the policy sets that the {@link dev.kordon.dsl.spi.PolicySetProvider}s of a
 * classpath declare and prints their validated summary. Start it with {@link dev.kordon.cli.KordonCli#main}.
 */
package dev.kordon.cli;
