package org.svrgraph.plot;

import java.awt.Color;

/** Writes the figure's marks as SVG 1.1 elements, coordinates rounded to 0.01 user units. */
final class SvgCanvas implements FigureCanvas {

    private final StringBuilder out;

    SvgCanvas(double width, double height) {
        out = new StringBuilder(1 << 16);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(number(width))
                .append("\" height=\"").append(number(height)).append("\" viewBox=\"0 0 ").append(number(width))
                .append(' ').append(number(height))
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
    }

    @Override
    public void beginGroup(String cssClass, String dataName, String dataValue) {
        out.append("<g class=\"").append(escape(cssClass)).append('"');
        if (dataName != null) {
            out.append(" data-").append(dataName).append("=\"").append(escape(dataValue)).append('"');
        }
        out.append(">\n");
    }

    @Override
    public void endGroup() {
        out.append("</g>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, double opacity) {
        out.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append("\" stroke=\"")
                .append(FigureColors.hex(color)).append("\" stroke-width=\"").append(number(width)).append('"');
        if (opacity < 1) {
            out.append(" stroke-opacity=\"").append(number(opacity)).append('"');
        }
        out.append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color stroke, double strokeWidth) {
        out.append("<circle cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy)).append("\" r=\"")
                .append(number(r)).append("\" fill=\"").append(fill == null ? "none" : FigureColors.hex(fill))
                .append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(FigureColors.hex(stroke)).append("\" stroke-width=\"")
                    .append(number(strokeWidth)).append('"');
        }
        out.append("/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
        out.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(width)).append("\" height=\"").append(number(height)).append("\" fill=\"")
                .append(fill == null ? "none" : FigureColors.hex(fill)).append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(FigureColors.hex(stroke)).append('"');
        }
        out.append("/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, double rotationDegrees,
            Color color, boolean bold) {
        out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"")
                .append(number(size)).append("\" fill=\"").append(FigureColors.hex(color)).append('"');
        if (anchor != Anchor.START) {
            out.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
        }
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        if (rotationDegrees != 0) {
            out.append(" transform=\"rotate(").append(number(rotationDegrees)).append(' ').append(number(x))
                    .append(' ').append(number(y)).append(")\"");
        }
        out.append('>').append(escape(text)).append("</text>\n");
    }

    /** Closes the document and returns it. */
    String finish() {
        out.append("</svg>\n");
        return out.toString();
    }

    /** Formats a coordinate with at most two decimals, without exponent or trailing zeros. */
    static String number(double value) {
        long hundredths = Math.round(value * 100);
        long whole = Math.abs(hundredths) / 100;
        long fraction = Math.abs(hundredths) % 100;
        StringBuilder text = new StringBuilder(12);
        if (hundredths < 0) {
            text.append('-');
        }
        text.append(whole);
        if (fraction != 0) {
            text.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                text.append(fraction % 10);
            }
        }
        return text.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
