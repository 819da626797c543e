package dev.kordon.cli;

import picocli.CommandLine.IVersionProvider;

/** The version that {@code --version} prints: the jar's Implementation-Version, or the build's when run from classes. */
final class KordonVersion implements IVersionProvider {

    /** The version when the classes do not come from the packaged jar (tests, IDEs). */
    static final String UNPACKAGED = "0.1.0-SNAPSHOT";

    @Override
    public String[] getVersion() {
        return new String[] {"kordon " + version()};
    }

    static String version() {
        String version = KordonCli.class.getPackage().getImplementationVersion();
        return version == null ? UNPACKAGED : version;
    }
}
