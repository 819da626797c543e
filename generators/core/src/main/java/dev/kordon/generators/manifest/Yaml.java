package dev.kordon.generators.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * The one rendering path from objects to manifest text: UTF-8, {@code \n}, a trailing newline, Kubernetes field
 * order (as declared by the objects), map keys sorted, {@code null} fields left out, strings quoted only where YAML
 * would otherwise read them as something else.
 */
public final class Yaml {

    private static final JsonMapper TREES = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new Yaml11Safe()).build())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private Yaml() {
    }

    /**
     * Jackson's quoting rules, plus the forms that YAML 1.1 readers (kubectl's, many tools') take for numbers although
     * YAML 1.2 does not: base-60 such as {@code 20:25} (a Calico port range) and underscored digits.
     */
    private static final class Yaml11Safe extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final java.util.regex.Pattern YAML11_NUMBER =
                java.util.regex.Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|[-+]?[0-9][0-9_]*_[0-9_]*");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || YAML11_NUMBER.matcher(value).matches();
        }
    }

    /** The object as a tree, as it will be written. */
    public static JsonNode tree(Object object) {
        return TREES.valueToTree(object);
    }

    /** One object as a YAML document. */
    public static String write(Object object) {
        String text = YAML.writeValueAsString(tree(object)).replace("\r\n", "\n");
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Several objects as one multi-document stream, separated by {@code ---}. */
    public static String stream(List<?> objects) {
        StringBuilder text = new StringBuilder();
        for (Object object : objects) {
            text.append("---\n").append(write(object));
        }
        return text.toString();
    }

    /** Parses YAML text into a tree, for tests and tools that compare manifests. */
    public static JsonNode read(String text) {
        return YAML.readTree(text);
    }
}
