package dev.kordon.simulator.input;

import java.util.List;

/** The simulator's input cannot be used; the message lists every problem, each with file, object, field and fix. */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<InputProblem> problems) {
        StringBuilder text = new StringBuilder(problems.size() == 1 ? "1 problem in the input:"
                : problems.size() + " problems in the input:");
        for (InputProblem problem : problems) {
            text.append("\n- ").append(problem.toString().replace("\n", "\n  "));
        }
        return text.toString();
    }

    /** Every problem. */
    public List<InputProblem> problems() {
        return problems;
    }
}
