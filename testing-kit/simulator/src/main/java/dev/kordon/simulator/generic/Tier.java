package dev.kordon.simulator.generic;

/** The tiers of cluster-wide policy around the NetworkPolicy tier: Admin before it, Baseline after it. */
enum Tier {
    ADMIN("admin", "Admin"),
    BASELINE("baseline", "Baseline");

    private final String text;
    private final String written;

    Tier(String text, String written) {
        this.text = text;
        this.written = written;
    }

    /** As written in {@code spec.tier}: {@code Admin} or {@code Baseline}. */
    String written() {
        return written;
    }

    @Override
    public String toString() {
        return text;
    }
}
