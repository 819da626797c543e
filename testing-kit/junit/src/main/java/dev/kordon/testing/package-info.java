/**
 * Kordon's testing kit for JUnit 5 and AssertJ: {@link dev.kordon.testing.KordonTest} runs each
 * {@link dev.kordon.testing.ReachabilityTest} once per target on a {@link dev.kordon.testing.Reachability}, and
 * {@link dev.kordon.testing.KordonAssertions} checks it with messages that say which rule decided. See docs/testing.md.
 */
package dev.kordon.testing;
