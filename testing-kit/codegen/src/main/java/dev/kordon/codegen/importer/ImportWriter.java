package dev.kordon.codegen.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kordon.codegen.DslSource;
import dev.kordon.codegen.GeneratedSource;
import dev.kordon.codegen.JavaNames;
import dev.kordon.dsl.PolicySet;
import dev.kordon.dsl.spi.PolicySetProvider;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/** Writes one policy set as a {@code PolicySetProvider} class whose intents are listed in name order. */
final class ImportWriter {

    private final String packageName;
    private final IntentSource intents;

    ImportWriter(String packageName, IntentSource intents) {
        this.packageName = packageName;
        this.intents = intents;
    }

    /** The class name of a set: {@code x} gives {@code XPolicies}, {@code kube-system} {@code KubeSystemPolicies}. */
    static String className(String policySet) {
        return JavaNames.type(policySet) + "Policies";
    }

    GeneratedSource write(String policySet, String className, List<PolicyImport.Imported> imported) {
        SortedSet<String> sources = new TreeSet<>();
        imported.forEach(each -> sources.add(each.source()));
        CodeBlock.Builder list = CodeBlock.builder();
        // By object, then in the object's own order: isolation, then its rules as written.
        List<PolicyImport.Imported> sorted = imported.stream()
                .sorted(java.util.Comparator.comparing(PolicyImport.Imported::source)).toList();
        String previous = "";
        for (int i = 0; i < sorted.size(); i++) {
            PolicyImport.Imported each = sorted.get(i);
            if (!each.source().equals(previous)) {
                list.add("// $L\n", each.source());
                previous = each.source();
            }
            list.add("$L$L\n", intents.intent(each.intent()), i + 1 < sorted.size() ? "," : "");
        }
        CodeBlock body = CodeBlock.builder()
                .add("return $T.of($T.policySet($S)\n", List.class, DslSource.KORDON, policySet)
                .indent().indent()
                .add(".description($S)\n", "Imported from " + String.join(", ", sources))
                .add(".intents(\n").indent().indent().add(list.build()).unindent().unindent()
                .add(")\n.build());\n")
                .unindent().unindent()
                .build();
        MethodSpec policySets = MethodSpec.methodBuilder("policySets")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(PolicySet.class)))
                .addCode(body)
                .build();
        TypeSpec type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(PolicySetProvider.class)
                .addJavadoc("The policy set {@code $L}, imported from $L.\n", policySet,
                        sources.size() == 1 ? sources.first() : sources.size() + " policies")
                .addMethod(policySets)
                .build();
        return GeneratedSource.of(packageName, type, "Imported by Kordon from policy manifests. Review it, then keep"
                + " it as your own source.");
    }
}
