/** The platform-guardrails sample: cluster-wide admin and baseline rules as a policy set provider. */
package dev.kordon.samples.guardrails;
