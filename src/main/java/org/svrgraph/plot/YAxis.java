package org.svrgraph.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The vertical axis shared by every panel of a figure: maps a singular value to a fraction of the
 * plot height (0 at the bottom, 1 at the top) and chooses the ticks.
 *
 * @param scale linear, log or relative
 * @param low value at the bottom of the axis (sigma, or sigma / sigma_max for relative)
 * @param high value at the top of the axis
 */
public record YAxis(YScale scale, double low, double high) {

    /** Decades shown below the largest singular value at most on a log axis; smaller values sit at the bottom. */
    static final int MAX_LOG_DECADES = 8;

    private static final int TARGET_TICKS = 6;

    /** Returns the axis that spans every singular value of the given figures. */
    public static YAxis covering(List<FigureModel> figures, YScale scale) {
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (FigureModel figure : figures) {
            for (FigureLayer layer : figure.layers()) {
                for (double sigma : layer.sigma()) {
                    max = Math.max(max, sigma);
                    if (sigma > 0) {
                        minPositive = Math.min(minPositive, sigma);
                    }
                }
            }
        }
        return switch (scale) {
            case RELATIVE -> new YAxis(scale, 0, 1);
            case LINEAR -> new YAxis(scale, 0, max > 0 ? niceCeiling(max) : 1);
            case LOG -> logAxis(minPositive, max);
        };
    }

    /**
     * Spans the singular values with a 10% margin in log space on each side, so that the marks use
     * the whole height. The axis reaches at most MAX_LOG_DECADES below the largest value.
     */
    private static YAxis logAxis(double minPositive, double max) {
        if (!(max > 0)) {
            return new YAxis(YScale.LOG, 0.1, 1);
        }
        double top = Math.log10(max);
        double bottom = Math.max(Math.log10(minPositive), top - MAX_LOG_DECADES);
        double margin = Math.max(0.1 * (top - bottom), 0.05);
        return new YAxis(YScale.LOG, Math.pow(10, bottom - margin), Math.pow(10, top + margin));
    }

    /**
     * Returns the height of a neuron as a fraction of the axis, clamped to [0, 1]; higher sigma gives
     * a larger fraction within a layer.
     */
    public double fraction(double sigma, double layerSigmaMax) {
        double value = switch (scale) {
            case RELATIVE -> layerSigmaMax > 0 ? sigma / layerSigmaMax : 0;
            case LINEAR -> sigma;
            case LOG -> sigma;
        };
        double f;
        if (scale == YScale.LOG) {
            f = value > 0 ? (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low)) : 0;
        } else {
            f = (value - low) / (high - low);
        }
        return Math.max(0, Math.min(1, f));
    }

    /** Returns the fraction of a tick value. */
    public double tickFraction(double value) {
        if (scale == YScale.LOG) {
            return (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        }
        return (value - low) / (high - low);
    }

    /** Returns the caption of the axis. */
    public String caption() {
        return switch (scale) {
            case LINEAR -> "singular value σ";
            case LOG -> "singular value σ (log scale)";
            case RELATIVE -> "σ / σmax of the layer";
        };
    }

    /** Returns the ticks: multiples of 1, 2 or 5 times a power of 10, or powers of 10 on a log axis. */
    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        if (scale == YScale.LOG) {
            return logTicks();
        }
        double step = niceStep((high - low) / TARGET_TICKS);
        long first = (long) Math.ceil(low / step - 1e-9);
        long last = (long) Math.floor(high / step + 1e-9);
        for (long k = first; k <= last; k++) {
            double value = k * step;
            ticks.add(new Tick(value, plainLabel(value, step)));
        }
        return ticks;
    }

    /**
     * Returns the powers of 10 inside the axis, every few decades when there are many. When fewer than
     * three powers fall inside, 2 and 5 times a power of 10 are ticks as well.
     */
    private List<Tick> logTicks() {
        List<Tick> ticks = new ArrayList<>();
        int bottom = (int) Math.ceil(Math.log10(low) - 1e-9);
        int top = (int) Math.floor(Math.log10(high) + 1e-9);
        if (top - bottom >= 2) {
            int stride = Math.max(1, (top - bottom + TARGET_TICKS) / (TARGET_TICKS + 1));
            for (int k = bottom; k <= top; k += stride) {
                ticks.add(new Tick(Math.pow(10, k), powerLabel(k)));
            }
            return ticks;
        }
        for (int k = bottom - 1; k <= top; k++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                double value = mantissa * Math.pow(10, k);
                if (value >= low && value <= high) {
                    ticks.add(new Tick(value, mantissa == 1 ? powerLabel(k)
                            : BigDecimal.valueOf(mantissa).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString()));
                }
            }
        }
        return ticks;
    }

    /** Returns the smallest of 1, 2, 5 times a power of 10 that is at least {@code rough}. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double mantissa = rough / power;
        if (mantissa <= 1) {
            return power;
        }
        if (mantissa <= 2) {
            return 2 * power;
        }
        if (mantissa <= 5) {
            return 5 * power;
        }
        return 10 * power;
    }

    /** Rounds up to a multiple of the nice step that about TARGET_TICKS ticks would use. */
    static double niceCeiling(double max) {
        double step = niceStep(max / TARGET_TICKS);
        return Math.ceil(max / step - 1e-9) * step;
    }

    private static String plainLabel(double value, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return new BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String powerLabel(int exponent) {
        if (exponent >= -3 && exponent <= 3) {
            return BigDecimal.ONE.scaleByPowerOfTen(exponent).toPlainString();
        }
        return "1e" + exponent;
    }
}
