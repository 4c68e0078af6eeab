package org.policyradar.classify;

/** True positives, false positives and false negatives, with the usual ratios (0 when undefined). */
public record Counts(int tp, int fp, int fn) {

    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
        return 2.0 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** A topic with neither gold positives nor predictions says nothing about quality: macro averages skip it. */
    public boolean isEmpty() {
        return tp + fp + fn == 0;
    }
}
