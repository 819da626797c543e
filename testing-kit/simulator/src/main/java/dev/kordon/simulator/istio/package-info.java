/**
 * The istio engine of the simulator: Istio in sidecar mode, deciding at the destination's proxy.
 *
 * <p>Parsing ({@code *Parser}: AuthorizationPolicy, PeerAuthentication, RequestAuthentication, DestinationRule, read
 * strictly into the records {@link dev.kordon.simulator.istio.AuthzPolicy} and friends) is kept apart from
 * evaluation: {@code Connections} (mTLS: which identity reaches the proxy), {@code HttpRequests} and
 * {@code JwtAuthenticator} (normalization, request identity), {@code Authorizer} (CUSTOM, DENY, ALLOW) over
 * {@code RuleEvaluator}, each step of which becomes a {@link dev.kordon.simulator.Step} of the verdict.
 */
package dev.kordon.simulator.istio;
