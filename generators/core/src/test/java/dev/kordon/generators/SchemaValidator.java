package dev.kordon.generators;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kordon.generators.manifest.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates manifests against the official schema of their kind, copied into {@code src/test/resources/schemas}
 * (see the README and NOTICE there).
 *
 * <p>Three adaptations, each stricter than or equal to what an API server does: a CRD schema that leaves out the
 * root fields {@code apiVersion}, {@code kind} and {@code metadata} gets them (the API server supplies them for
 * every custom resource); the Kubernetes swagger's {@code IntOrString}
 * (declared as a string with format {@code int-or-string}) accepts an integer or a string; and every object schema
 * that lists its properties rejects unknown ones, as {@code kubectl apply --validate=strict} does (an API server would
 * otherwise prune an unknown field of a custom resource silently, which for a policy can mean wider access), outside the
 * branches of {@code anyOf}/{@code oneOf}/{@code allOf}/{@code not} (which name properties only to require some of
 * them). CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated; the backends' own tests cover them.
 */
public final class SchemaValidator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("networking.k8s.io/v1/NetworkPolicy",
                    "kubernetes/networking.k8s.io_v1_networkpolicy.k8s-v1.36.swagger.json"),
            Map.entry("policy.networking.k8s.io/v1alpha2/ClusterNetworkPolicy",
                    "network-policy-api/policy.networking.k8s.io_clusternetworkpolicies.v1alpha2.standard.yaml"),
            Map.entry("policy.networking.k8s.io/v1alpha1/AdminNetworkPolicy",
                    "network-policy-api/policy.networking.k8s.io_adminnetworkpolicies.v1alpha1.experimental.yaml"),
            Map.entry("policy.networking.k8s.io/v1alpha1/BaselineAdminNetworkPolicy",
                    "network-policy-api/policy.networking.k8s.io_baselineadminnetworkpolicies.v1alpha1.experimental.yaml"),
            Map.entry("projectcalico.org/v3/NetworkPolicy", "calico/projectcalico.org_networkpolicies.v3.yaml"),
            Map.entry("projectcalico.org/v3/GlobalNetworkPolicy", "calico/projectcalico.org_globalnetworkpolicies.v3.yaml"),
            Map.entry("projectcalico.org/v3/Tier", "calico/projectcalico.org_tiers.v3.yaml"),
            Map.entry("cilium.io/v2/CiliumNetworkPolicy", "cilium/cilium.io_ciliumnetworkpolicy_v2.jsonschema.json"),
            Map.entry("cilium.io/v2/CiliumClusterwideNetworkPolicy",
                    "cilium/cilium.io_ciliumclusterwidenetworkpolicy_v2.jsonschema.json"),
            Map.entry("security.istio.io/v1/AuthorizationPolicy", "istio/security.istio.io_authorizationpolicies.yaml"));

    private static final java.util.Set<String> COMBINATORS = java.util.Set.of("anyOf", "oneOf", "allOf", "not");

    private final Map<String, Schema> schemas = new HashMap<>();

    /** Whether a schema is known for this {@code apiVersion/kind}. */
    public static boolean knows(String apiVersion, String kind) {
        return SOURCES.containsKey(apiVersion + "/" + kind);
    }

    /** Every violation of the manifest's schema, as {@code path: message}; empty when valid. */
    public List<String> validate(JsonNode manifest) {
        String key = manifest.path("apiVersion").asString() + "/" + manifest.path("kind").asString();
        if (!SOURCES.containsKey(key)) {
            return List.of("no schema for " + key);
        }
        List<String> messages = new ArrayList<>();
        for (Error error : schemas.computeIfAbsent(key, this::load).validate(manifest)) {
            messages.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return messages;
    }

    /** Every violation of the manifest's schema; the object is serialized as it would be written. */
    public List<String> validate(Resource resource) {
        return validate(Yaml.read(Yaml.write(resource.body())));
    }

    private Schema load(String key) {
        String file = SOURCES.get(key);
        String text = read("schemas/" + file);
        JsonNode schema;
        if (file.endsWith(".swagger.json")) {
            schema = swagger(JSON.readTree(text), key.substring(key.lastIndexOf('/') + 1));
        } else if (file.endsWith(".jsonschema.json")) {
            schema = JSON.readTree(text);
        } else {
            schema = crd(Yaml.read(text), key.split("/")[1]);
        }
        strict(schema);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of("urn:kordon:schema:" + key.replace('/', ':')), schema);
    }

    private static JsonNode swagger(JsonNode swagger, String kind) {
        ObjectNode definitions = ((ObjectNode) swagger.get("definitions")).deepCopy();
        ObjectNode intOrString = JSON.createObjectNode();
        intOrString.putArray("type").add("integer").add("string");
        definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", intOrString);
        ObjectNode root = JSON.createObjectNode();
        root.put("$ref", "#/definitions/io.k8s.api.networking.v1." + kind);
        root.set("definitions", definitions);
        return root;
    }

    private static JsonNode crd(JsonNode crd, String version) {
        for (JsonNode each : crd.path("spec").path("versions")) {
            if (each.path("name").asString().equals(version)) {
                ObjectNode schema = (ObjectNode) each.path("schema").path("openAPIV3Schema").deepCopy();
                // The API server gives every custom resource these root fields, even when its schema leaves them out.
                ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
                        : schema.putObject("properties");
                if (!properties.has("apiVersion")) {
                    properties.putObject("apiVersion").put("type", "string");
                }
                if (!properties.has("kind")) {
                    properties.putObject("kind").put("type", "string");
                }
                if (!properties.has("metadata")) {
                    properties.putObject("metadata").put("type", "object");
                }
                return schema;
            }
        }
        throw new IllegalStateException("the CRD has no version " + version);
    }

    /**
     * Rejects unknown fields wherever a schema lists its properties and does not keep unknown fields, except in the
     * branches of {@code anyOf}/{@code oneOf}/{@code allOf}/{@code not}, which list properties only to require some of
     * them; and drops {@code format: idn-hostname}, which the API server does not know (Cilium's HTTP host is a regex).
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            if (object.path("format").asString("").equals("idn-hostname")) {
                object.remove("format");
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!COMBINATORS.contains(field.getKey())) {
                    strict(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                strict(child);
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
