package org.svrgraph.plot;

/** An axis tick: its value and the label printed next to it. */
public record Tick(double value, String label) {
}
