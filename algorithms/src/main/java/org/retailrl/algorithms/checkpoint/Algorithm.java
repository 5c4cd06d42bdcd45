package org.retailrl.algorithms.checkpoint;

/**
 * The learners a checkpoint can hold (MODEL.md §8): FSDA (two HAPPO agents on two timescales) and
 * the single-agent PPO over the joint (price, order) action. {@link #label()} is the name used in
 * files and on the command line, and the {@code kind} of a saved policy file.
 */
public enum Algorithm {
    /** The fast-slow dual-agent learner ({@link org.retailrl.algorithms.fsda.FsdaTrainer}). */
    FSDA("fsda"),
    /** Joint-action PPO ({@link org.retailrl.algorithms.fsda.JointActionPpo}). */
    PPO_JOINT("ppo-joint");

    private final String label;

    Algorithm(String label) {
        this.label = label;
    }

    /** The external name: {@code fsda} or {@code ppo-joint}. */
    public String label() {
        return label;
    }

    /** The algorithm named {@code label} ({@code fsda}, {@code ppo-joint}; {@code ppo} also means the latter). */
    public static Algorithm of(String label) {
        if (label != null) {
            for (Algorithm a : values()) {
                if (a.label.equals(label)) {
                    return a;
                }
            }
            if (label.equals("ppo")) {
                return PPO_JOINT;
            }
        }
        throw new IllegalArgumentException("algorithm must be fsda or ppo-joint (ppo), got '" + label + "'");
    }
}
