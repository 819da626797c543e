/**
 * How tools find policy sets on a classpath: implement {@link dev.kordon.dsl.spi.PolicySetProvider} and register it
 * for {@link java.util.ServiceLoader}; tools call {@link dev.kordon.dsl.spi.PolicySets#load(ClassLoader)}.
 */
package dev.kordon.dsl.spi;
