package dev.kordon.codegen.importer;

import dev.kordon.dsl.Intent;
import dev.kordon.simulator.EnforcementProfile;
import dev.kordon.simulator.input.Manifest;
import dev.kordon.simulator.input.Problems;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The import of one policy family: which kinds it reads, and the intents that mean what one object means. */
interface PolicyImport {

    /** The {@code apiVersion/kind} types it imports. */
    Set<String> types();

    /** The enforcement whose simulator checks these objects before they are imported. */
    EnforcementProfile profile();

    /**
     * The intents of the objects of this family, which the simulator accepted, sorted by namespace and name. Whatever
     * the intents cannot say exactly goes to {@code notImported}, naming the field, and is left out: never replaced by
     * something wider. What is said exactly but differently (a renumbered priority) goes to {@code notes}.
     */
    List<Imported> intents(List<Manifest> manifests, String defaultNamespace, Problems notImported, Problems notes);

    /**
     * The intents of the objects of this family, knowing every object of the import ({@code all}): for families whose
     * meaning depends on what else is enforced beside them. By default the other objects do not matter.
     */
    default List<Imported> intents(List<Manifest> manifests, List<Manifest> all, String defaultNamespace,
            Problems notImported, Problems notes) {
        return intents(manifests, defaultNamespace, notImported, notes);
    }

    /**
     * One object's intents, kept whole or left out whole: when the DSL can say every field ({@code unsupported} is
     * empty) the intents go to {@code imported} in the set and the object's notes to {@code notes}; otherwise each
     * unsupported field is reported in {@code notImported} and none of the intents is kept.
     */
    static void keepWhole(String policySet, Manifest manifest, List<Intent> intents, Problems unsupported,
            Problems objectNotes, List<Imported> imported, Problems notImported, Problems notes) {
        if (unsupported.isEmpty()) {
            intents.forEach(intent -> imported.add(new Imported(policySet, manifest, intent)));
            objectNotes.all().forEach(note -> notes.add(manifest, note.field(), note.message(), note.hint()));
        } else {
            unsupported.all().forEach(problem -> notImported.add(manifest, problem.field(), "is not imported: "
                    + problem.message(), problem.hint()));
        }
    }

    /**
     * One imported intent.
     *
     * @param policySet the set it belongs to: the object's namespace, or {@code cluster}
     * @param manifest  the object it comes from
     * @param intent    the intent
     */
    record Imported(String policySet, Manifest manifest, Intent intent) {
        public Imported {
            Objects.requireNonNull(policySet, "policySet");
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(intent, "intent");
        }

        /** How comments and reports name the object: {@code NetworkPolicy x/allow-web}. */
        String source() {
            return manifest.describe();
        }
    }
}
