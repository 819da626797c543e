package dev.kordon.codegen.importer;

import dev.kordon.codegen.GeneratedSource;
import dev.kordon.generators.AtomicFiles;
import dev.kordon.simulator.input.InputProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java source an import wrote and everything it did not import.
 *
 * @param sources      one {@code PolicySetProvider} class per policy set (a namespace, or {@code cluster} for
 *                     cluster-wide policies), sorted by policy set name
 * @param notImported  every object or field that the sources do not express, each with its file, object, field, why
 *                     and what to do; the sources never hold a wider intent in its place
 * @param notes        what the sources express exactly but differently from the manifests (e.g. a priority
 *                     renumbered to keep the order of a policy's rules)
 */
public record ImportResult(List<GeneratedSource> sources, List<InputProblem> notImported, List<InputProblem> notes) {

    /** The {@link java.util.ServiceLoader} file that registers the providers. */
    public static final String SERVICE_FILE = "META-INF/services/dev.kordon.dsl.spi.PolicySetProvider";

    public ImportResult {
        sources = List.copyOf(sources);
        notImported = List.copyOf(notImported);
        notes = List.copyOf(notes);
    }

    /** Whether everything read was imported exactly. */
    public boolean isComplete() {
        return notImported.isEmpty();
    }

    /** The content of {@link #SERVICE_FILE}: the providers' binary names, one a line. */
    public String serviceRegistration() {
        return sources.stream().map(source -> source.qualifiedName() + "\n").collect(Collectors.joining());
    }

    /**
     * Writes the sources below {@code sourceRoot} and, when there are any, their registration {@link #SERVICE_FILE}
     * below {@code resourceRoot}; each file is written whole or not at all.
     *
     * @return the files written, sources first
     */
    public List<Path> writeTo(Path sourceRoot, Path resourceRoot) throws IOException {
        List<Path> written = new ArrayList<>();
        for (GeneratedSource source : sources) {
            written.add(source.writeTo(sourceRoot));
        }
        if (!sources.isEmpty()) {
            written.add(AtomicFiles.write(resourceRoot.resolve(SERVICE_FILE), serviceRegistration()));
        }
        return written;
    }

    /** The report: what was written and every entry of {@link #notImported}. */
    public String report() {
        StringBuilder text = new StringBuilder();
        text.append(sources.size() == 1 ? "1 class written" : sources.size() + " classes written");
        sources.forEach(source -> text.append("\n  ").append(source.qualifiedName()));
        text.append("\n").append(notImported.isEmpty() ? "everything was imported"
                : notImported.size() == 1 ? "1 thing not imported:" : notImported.size() + " things not imported:");
        notImported.forEach(problem -> text.append("\n- ").append(problem.toString().replace("\n", "\n  ")));
        if (!notes.isEmpty()) {
            text.append("\n").append(notes.size() == 1 ? "1 note:" : notes.size() + " notes:");
            notes.forEach(note -> text.append("\n- ").append(note.toString().replace("\n", "\n  ")));
        }
        return text.append("\n").toString();
    }
}
