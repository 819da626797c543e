/**
 * The online-boutique sample: the twelve services of the microservices demo with least-privilege intents, generated
 * for every target and proven by reachability tests.
 */
package dev.kordon.samples.boutique;
