package dev.kordon.generators.cilium;

import java.util.List;

/**
 * One HTTP rule of Cilium ({@code api.PortRuleHTTP}). Path, method and host are RE2 regular expressions that Envoy
 * matches against the whole {@code :path}, {@code :method} and {@code :authority}; every header entry must hold.
 * Absent fields do not constrain.
 *
 * @param path    regex on the path, query string included
 * @param method  regex on the method
 * @param host    regex on the authority, port included
 * @param headers {@code "name"} for presence, {@code "name value"} for an exact value
 */
public record PortRuleHttp(String path, String method, String host, List<String> headers) {

    public PortRuleHttp {
        headers = Lists.orNull(headers);
    }
}
