package dev.kordon.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kordon.generators.manifest.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class YamlTest {

    record Holder(String value) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "8080", "0x1F", "1e3",
        "0o17", ".inf", "-1", "*", "!has(x)", "a: b", "- x", "#c", "", " lead", "trail ", "&anchor", "@at", "%p",
        "`tick", "{a}", "[a]", "'q'", "\"dq\"", "é", "app == \"frontend\"", "2001:db8::/32", "10.0.0.0/8", "/api/.*", "20:25", "8000:9000", "1_000"})
    void strings_read_back_as_the_same_strings(String value) {
        // when a string is written and read back
        String yaml = Yaml.write(new Holder(value));
        // then it is the same string, not a boolean, number or null
        assertThat(Yaml.read(yaml).get("value").isString()).as(yaml).isTrue();
        assertThat(Yaml.read(yaml).get("value").asString()).as(yaml).isEqualTo(value);
    }

    record Ordered(String b, String a, Map<String, String> map, List<String> list, String absent) {
    }

    @Test
    void fields_keep_their_order_maps_are_sorted_and_nulls_left_out() {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        map.put("x", "1");
        map.put("a", "2");
        String yaml = Yaml.write(new Ordered("first", "second", map, List.of("z", "a"), null));
        assertThat(yaml).isEqualTo("b: first\na: second\nmap:\n  a: \"2\"\n  x: \"1\"\nlist:\n- z\n- a\n");
    }

    @Test
    void a_stream_separates_documents() {
        assertThat(Yaml.stream(List.of(new Holder("a"), new Holder("b")))).isEqualTo("---\nvalue: a\n---\nvalue: b\n");
    }

    @Test
    void yaml11_sexagesimal_and_underscored_numbers_are_quoted() {
        assertThat(Yaml.write(new Holder("20:25"))).isEqualTo("value: \"20:25\"\n");
        assertThat(Yaml.write(new Holder("1_000"))).isEqualTo("value: \"1_000\"\n");
        assertThat(Yaml.write(new Holder("a:b"))).isEqualTo("value: a:b\n");
    }
}
