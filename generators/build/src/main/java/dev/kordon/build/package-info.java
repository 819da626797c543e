/**
 * Kordon's build tasks as a library: generate a project's manifests ({@link dev.kordon.build.KordonBuild#generate}),
 * verify them against committed copies and a reachability baseline ({@link dev.kordon.build.KordonBuild#verify}), report
 * on them ({@link dev.kordon.build.KordonBuild#report}, see {@link dev.kordon.build.report}). The
 * Maven plugin's goals are thin wrappers over it; docs/maven-plugin.md describes both.
 */
package dev.kordon.build;
