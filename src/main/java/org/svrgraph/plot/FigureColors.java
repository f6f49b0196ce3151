package org.svrgraph.plot;

import java.awt.Color;

/** The colours of the figure, shared by the SVG, PNG and HTML renderers. */
final class FigureColors {

    static final Color CONV = new Color(0x1f5fbf);
    static final Color FC = new Color(0xd9650f);
    static final Color EDGE = new Color(0x303030);
    static final Color CHAIN = new Color(0xd62728);
    /** One colour per near-kernel cluster, reused in turn; none is close to the chain's red. */
    static final Color[] CLUSTERS = {
        new Color(0x9467bd), new Color(0x17becf), new Color(0x2ca02c), new Color(0x8c564b),
        new Color(0xe377c2), new Color(0xbcbd22),
    };
    static final Color TEXT = new Color(0x222222);
    static final Color MUTED = new Color(0x666666);
    static final Color AXIS = new Color(0x444444);
    static final Color GRID = new Color(0xe6e6e6);
    static final Color BACKGROUND = Color.WHITE;

    /** Share of white in the colour of a neuron with intensity 0, so that it stays visible. */
    private static final double FADE = 0.7;

    /** Lowest and highest edge opacity, for the weakest and strongest edge drawn. */
    static final double EDGE_MIN_OPACITY = 0.12;
    static final double EDGE_MAX_OPACITY = 0.8;

    private FigureColors() {
    }

    /** Returns the colour of a neuron of the given kind and intensity in [0, 1]. */
    static Color neuron(boolean convolution, double intensity) {
        Color base = convolution ? CONV : FC;
        double t = Double.isFinite(intensity) ? Math.max(0, Math.min(1, intensity)) : 0;
        return mix(base, Color.WHITE, FADE * (1 - t));
    }

    /** Returns the opacity of an edge whose strength is the fraction {@code shade} of the range drawn. */
    static double edgeOpacity(double shade) {
        return EDGE_MIN_OPACITY + (EDGE_MAX_OPACITY - EDGE_MIN_OPACITY) * shade;
    }

    static Color cluster(int index) {
        return CLUSTERS[index % CLUSTERS.length];
    }

    static Color mix(Color a, Color b, double shareOfB) {
        return new Color(channel(a.getRed(), b.getRed(), shareOfB), channel(a.getGreen(), b.getGreen(), shareOfB),
                channel(a.getBlue(), b.getBlue(), shareOfB));
    }

    private static int channel(int a, int b, double shareOfB) {
        return (int) Math.round(a + (b - a) * shareOfB);
    }

    /** Returns the colour as {@code #rrggbb}. */
    static String hex(Color color) {
        return String.format("#%06x", color.getRGB() & 0xffffff);
    }
}
