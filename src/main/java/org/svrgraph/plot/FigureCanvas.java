package org.svrgraph.plot;

import java.awt.Color;

/** The drawing operations the figure needs, implemented once for SVG and once for Java2D. */
interface FigureCanvas {

    /** Horizontal alignment of a text at its anchor point. */
    enum Anchor { START, MIDDLE, END }

    /**
     * Opens a group of marks. SVG writes it as {@code <g class="cssClass" data-name="value">} so that
     * tests and readers can find the marks; Java2D ignores groups.
     */
    void beginGroup(String cssClass, String dataName, String dataValue);

    void endGroup();

    void line(double x1, double y1, double x2, double y2, Color color, double width, double opacity);

    /** Draws a circle, filled when {@code fill} is not null and outlined when {@code stroke} is not null. */
    void circle(double cx, double cy, double r, Color fill, Color stroke, double strokeWidth);

    void rect(double x, double y, double width, double height, Color fill, Color stroke);

    /** Draws text whose baseline starts, centres or ends at (x, y), rotated about that point. */
    void text(double x, double y, String text, double size, Anchor anchor, double rotationDegrees, Color color,
            boolean bold);
}
