package dev.kordon.simulator.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The label checks accept exactly what the API server's patterns accept. */
class LabelSyntaxTest {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*"
            + "[a-z0-9])?)*");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    @Test
    void agrees_with_the_patterns_on_every_short_string_of_significant_characters() {
        // given
        List<String> texts = strings("aZ09-_./é ", 4);

        for (String text : texts) {
            // when
            boolean value = LabelSyntax.valueProblem(text).isEmpty();
            boolean key = LabelSyntax.keyProblem(text).isEmpty();
            boolean port = LabelSyntax.portNameProblem(text).isEmpty();

            // then
            assertThat(value).as("value '%s'", text).isEqualTo(text.isEmpty() || NAME.matcher(text).matches());
            assertThat(key).as("key '%s'", text).isEqualTo(key(text));
            assertThat(port).as("port name '%s'", text).isEqualTo(PORT_NAME.matcher(text).matches()
                    && text.matches(".*[a-z].*") && !text.contains("--"));
        }
    }

    private static boolean key(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && !DNS_SUBDOMAIN.matcher(key.substring(0, slash)).matches()) {
            return false;
        }
        return !name.isEmpty() && NAME.matcher(name).matches();
    }

    private static List<String> strings(String alphabet, int length) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int i = 0; i < length; i++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : last) {
                for (char c : alphabet.toCharArray()) {
                    longer.add(prefix + c);
                }
            }
            all.addAll(longer);
            last = longer;
        }
        return all;
    }
}
