package dev.kordon.dsl;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The intent model stands on the JDK alone: no other Kordon module, no YAML, Jackson or fabric8 type. */
class ArchitectureTest {

    private static JavaClasses dsl;

    @BeforeAll
    static void importProductionClasses() {
        dsl = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kordon.dsl");
    }

    @Test
    void the_dsl_module_is_not_empty() {
        // given the imported production classes
        // then the import really found the model (so the rules below cannot pass vacuously)
        assertThat(dsl.contain(PolicySet.class)).isTrue();
        assertThat(dsl.size()).isGreaterThan(30);
    }

    @Test
    void dsl_classes_depend_only_on_the_jdk_and_themselves() {
        classes().that().resideInAPackage("dev.kordon.dsl..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.kordon.dsl..")
                .because("the intent model must not drag serialization or Kubernetes client types into user code")
                .check(dsl);
    }

    @Test
    void dsl_classes_use_no_yaml_jackson_or_fabric8_type() {
        noClasses().that().resideInAPackage("dev.kordon.dsl..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "tools.jackson..", "com.fasterxml.jackson..", "org.yaml..", "org.snakeyaml..", "io.fabric8..")
                .check(dsl);
    }

    @Test
    void dsl_classes_use_no_other_kordon_module() {
        noClasses().that().resideInAPackage("dev.kordon.dsl..")
                .should().dependOnClassesThat(resideInAPackage("dev.kordon..")
                        .and(resideOutsideOfPackage("dev.kordon.dsl..")))
                .check(dsl);
    }

    @Test
    void the_spi_package_points_at_the_model_and_never_back() {
        noClasses().that().resideInAPackage("dev.kordon.dsl")
                .should().dependOnClassesThat().resideInAPackage("dev.kordon.dsl.spi..")
                .check(dsl);
    }

    @Test
    void the_dsl_pom_declares_test_dependencies_only() throws Exception {
        // given the module's own build file
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher dependencies = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(
                pom.substring(pom.indexOf("<dependencies>")));
        // when the declared dependencies are read
        List<String> nonTest = new ArrayList<>();
        int count = 0;
        while (dependencies.find()) {
            count++;
            if (!dependencies.group(1).contains("<scope>test</scope>")) {
                nonTest.add(dependencies.group(1).trim());
            }
        }
        // then every one of them is test-scoped
        assertThat(count).isPositive();
        assertThat(nonTest).isEmpty();
        assertThat(pom).contains("<artifactId>kordon-dsl</artifactId>");
    }
}
