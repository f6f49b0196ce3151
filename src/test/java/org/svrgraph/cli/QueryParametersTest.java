package org.svrgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typing of {@code --param} values, lists included. */
class QueryParametersTest {

    @Test
    void scalarsAreTyped() {
        assertEquals(42L, QueryParameters.value("42"));
        assertEquals(0.1, QueryParameters.value("0.1"));
        assertEquals(true, QueryParameters.value("true"));
        assertEquals("vgg-plain", QueryParameters.value("vgg-plain"));
        assertEquals("42", QueryParameters.value("'42'"));
    }

    @Test
    void jsonArraysBecomeLists() {
        assertEquals(List.of("vgg-plain", "vgg-bn"), QueryParameters.value("[\"vgg-plain\",\"vgg-bn\"]"));
        assertEquals(List.of(1, 2), QueryParameters.value("[1, 2]"));
        assertEquals(List.of(), QueryParameters.value("[]"));
    }

    @Test
    void invalidArrayIsRejected() {
        UserException failure = assertThrows(UserException.class, () -> QueryParameters.value("[vgg-plain]"));
        assertEquals(true, failure.getMessage().startsWith("Invalid list parameter value [vgg-plain]"),
                failure.getMessage());
    }
}
