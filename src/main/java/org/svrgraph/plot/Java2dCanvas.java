package org.svrgraph.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** Draws the figure's marks on a Java2D graphics context, as a raster image does. */
final class Java2dCanvas implements FigureCanvas {

    private static final String FONT_FAMILY = Font.SANS_SERIF;

    private final Graphics2D graphics;

    /** Wraps a graphics context whose transform already maps figure units to pixels. */
    Java2dCanvas(Graphics2D graphics) {
        this.graphics = graphics;
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    @Override
    public void beginGroup(String cssClass, String dataName, String dataValue) {
    }

    @Override
    public void endGroup() {
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, double opacity) {
        Composite before = graphics.getComposite();
        graphics.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
        graphics.setColor(color);
        graphics.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
        graphics.setComposite(before);
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color stroke, double strokeWidth) {
        Ellipse2D.Double shape = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        if (fill != null) {
            graphics.setColor(fill);
            graphics.fill(shape);
        }
        if (stroke != null) {
            graphics.setColor(stroke);
            graphics.setStroke(new BasicStroke((float) strokeWidth));
            graphics.draw(shape);
        }
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
        Rectangle2D.Double shape = new Rectangle2D.Double(x, y, width, height);
        if (fill != null) {
            graphics.setColor(fill);
            graphics.fill(shape);
        }
        if (stroke != null) {
            graphics.setColor(stroke);
            graphics.setStroke(new BasicStroke(1f));
            graphics.draw(shape);
        }
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, double rotationDegrees,
            Color color, boolean bold) {
        Font font = new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
        graphics.setFont(font);
        double width = graphics.getFontMetrics().getStringBounds(text, graphics).getWidth();
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -width / 2;
            case END -> -width;
        };
        AffineTransform before = graphics.getTransform();
        graphics.translate(x, y);
        graphics.rotate(Math.toRadians(rotationDegrees));
        graphics.setColor(color);
        graphics.drawString(text, (float) shift, 0f);
        graphics.setTransform(before);
    }
}
