package dev.kordon.simulator.istio;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads one rule of an AuthorizationPolicy: its sources ({@code from}), operations ({@code to}) and conditions
 * ({@code when}), with Istio's validation (no empty lists, no empty source or operation, serviceAccounts not with
 * principals or namespaces, the fields a CUSTOM policy cannot use). A condition with an unknown key makes the rule
 * invalid: Istio skips it.
 */
final class RuleParser {

    private static final String[][] SOURCE_FIELDS = {
        {"principals", "notPrincipals", "PRINCIPAL"},
        {"requestPrincipals", "notRequestPrincipals", "REQUEST_PRINCIPAL"},
        {"namespaces", "notNamespaces", "NAMESPACE"},
        {"serviceAccounts", "notServiceAccounts", "SERVICE_ACCOUNT"},
        {"ipBlocks", "notIpBlocks", "SOURCE_ADDRESS"},
        {"remoteIpBlocks", "notRemoteIpBlocks", "REMOTE_ADDRESS"},
    };

    private static final String[][] OPERATION_FIELDS = {
        {"hosts", "notHosts", "HOST"},
        {"ports", "notPorts", "PORT"},
        {"methods", "notMethods", "METHOD"},
        {"paths", "notPaths", "PATH"},
    };

    private final Yaml yaml;
    private final Action action;
    private final CriterionParser criteria;
    private final ConditionKeys keys;

    RuleParser(Yaml yaml, Action action) {
        this.yaml = yaml;
        this.action = action;
        this.criteria = new CriterionParser(yaml, yaml.namespace());
        this.keys = new ConditionKeys(yaml);
    }

    AuthzRule rule(String path, JsonNode node, int index) {
        if (!yaml.element(path, node, "from", "to", "when")) {
            return new AuthzRule(index, List.of(), List.of(), List.of(), "the rule cannot be read");
        }
        List<List<Criterion>> sources = parts(Yaml.at(path, "from"), node.path("from"), "source", SOURCE_FIELDS);
        List<List<Criterion>> operations = parts(Yaml.at(path, "to"), node.path("to"), "operation",
                OPERATION_FIELDS);
        List<Criterion> conditions = new ArrayList<>();
        String invalid = "";
        List<JsonNode> items = yaml.list(Yaml.at(path, "when"), node.path("when"));
        for (int i = 0; i < items.size(); i++) {
            String at = Yaml.at(Yaml.at(path, "when"), i);
            JsonNode when = items.get(i);
            if (!yaml.element(at, when, "key", "values", "notValues")) {
                continue;
            }
            String key = yaml.string(Yaml.at(at, "key"), when.path("key")).orElse("");
            if (key.isEmpty()) {
                yaml.problem(Yaml.at(at, "key"), "is missing", "name the attribute, e.g. request.headers[x-token]");
                continue;
            }
            if (when.path("values").size() == 0 && when.path("notValues").size() == 0) {
                yaml.problem(at, "has neither values nor notValues", "give at least one of them");
                continue;
            }
            checkCustom(Yaml.at(at, "key"), key.startsWith("request.auth.") || key.equals("source.namespace")
                    || key.equals("source.serviceAccount") || key.equals("source.principal"), key);
            Optional<ConditionKeys.Key> known = keys.classify(Yaml.at(at, "key"), key);
            if (known.isEmpty()) {
                invalid = invalid.isEmpty() ? "when[" + i + "] has the unknown key '" + key + "'" : invalid;
                continue;
            }
            conditions.add(criteria.condition(at, when, key, known.get().kind(), known.get().key()));
        }
        return new AuthzRule(index, sources, operations, conditions, invalid);
    }

    private List<List<Criterion>> parts(String path, JsonNode node, String member, String[][] fields) {
        List<List<Criterion>> parts = new ArrayList<>();
        if (Yaml.present(node) && node.isArray() && node.isEmpty()) {
            yaml.problem(path, "is an empty list", "remove it to match any " + member + ", or list at least one");
        }
        List<JsonNode> items = yaml.list(path, node);
        for (int i = 0; i < items.size(); i++) {
            String at = Yaml.at(path, i);
            if (!yaml.element(at, items.get(i), member)) {
                continue;
            }
            JsonNode part = items.get(i).path(member);
            String partPath = Yaml.at(at, member);
            if (!Yaml.present(part)) {
                yaml.problem(partPath, "is missing", "give the " + member + "'s fields");
                continue;
            }
            parts.add(part(partPath, part, member, fields));
        }
        return parts;
    }

    private List<Criterion> part(String path, JsonNode node, String member, String[][] fields) {
        List<String> names = new ArrayList<>();
        for (String[] field : fields) {
            names.add(field[0]);
            names.add(field[1]);
        }
        if (member.equals("source")) {
            names.addAll(List.of("trustDomains", "notTrustDomains"));
        }
        List<Criterion> part = new ArrayList<>();
        if (!yaml.map(path, node, names.toArray(String[]::new))) {
            return part;
        }
        for (String field : List.of("trustDomains", "notTrustDomains")) {
            if (Yaml.present(node.path(field))) {
                yaml.problem(Yaml.at(path, field), "is not supported by the simulator (an extended-channel field)",
                        "match the trust domain with principals, e.g. td/ns/x/sa/y");
            }
        }
        for (String[] field : fields) {
            Optional<Criterion> criterion = criteria.field(path, node, field[0], field[1],
                    CriterionParser.Kind.valueOf(field[2]));
            criterion.ifPresent(part::add);
            if (criterion.isPresent() && !field[2].endsWith("ADDRESS") && member.equals("source")) {
                checkCustom(Yaml.at(path, field[0]), true, field[0] + "/" + field[1]);
            }
        }
        if (part.isEmpty() && names.stream().noneMatch(name -> node.path(name).size() > 0)) {
            yaml.problem(path, "is empty", "give at least one field, or remove the " + member);
        }
        boolean accounts = part.stream().anyMatch(c -> c.name().equals("serviceAccounts"));
        boolean identities = part.stream().anyMatch(c -> c.name().equals("principals") || c.name().equals("namespaces"));
        if (accounts && identities) {
            yaml.problem(path, "sets serviceAccounts with principals or namespaces", "use one of them per source");
        }
        return part;
    }

    private void checkCustom(String path, boolean identityBased, String what) {
        if (action == Action.CUSTOM && identityBased) {
            yaml.problem(path, what + " is not supported with the CUSTOM action", "match on ports, hosts, paths,"
                    + " methods, addresses or headers in a CUSTOM policy");
        }
    }
}
