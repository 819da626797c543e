package dev.kordon.simulator.cilium;

/**
 * Whether one criterion of a rule holds for a flow, and the words that say why (or why not).
 *
 * @param ok       whether it holds
 * @param text     what matched, or what differed
 * @param distance how many things differed (0 when it holds), to tell the nearest of several misses
 */
record Check(boolean ok, String text, int distance) {

    static Check pass(String text) {
        return new Check(true, text, 0);
    }

    static Check fail(String text) {
        return new Check(false, text, 1);
    }

    static Check fail(String text, int distance) {
        return new Check(false, text, Math.max(1, distance));
    }
}
