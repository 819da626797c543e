/**
 * The five-shades sample: the examples of the article "5 shades of Network Policy" written once in the Kordon DSL,
 * each generated for the backend the article wrote it for.
 */
package dev.kordon.samples.fiveshades;
