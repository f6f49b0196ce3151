package org.svrgraph.reader.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svrgraph.reader.ModelFormatException;

class KerasModelConfigTest {

    private static final Path FILE = Path.of("model.h5");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sequentialChainsLayersInOrder() throws IOException {
        List<KerasLayer> layers = KerasModelConfig.layers(FILE, json.readTree("""
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "Dense", "config": {"name": "a", "units": 4}},
                  {"class_name": "Dense", "config": {"name": "b", "units": 2}}]}}"""));

        assertEquals(List.of("a", "b"), layers.stream().map(KerasLayer::name).toList());
        assertEquals(List.of(), layers.get(0).inbound());
        assertEquals(List.of("a"), layers.get(1).inbound());
        assertEquals(4, layers.get(0).config().get("units").asInt());
    }

    @Test
    void oldSequentialLayerList() throws IOException {
        // Keras before 2.2 stored the layer list as the config itself.
        List<KerasLayer> layers = KerasModelConfig.layers(FILE, json.readTree("""
                {"class_name": "Sequential", "config": [
                  {"class_name": "Dense", "config": {"name": "a"}},
                  {"class_name": "Dense", "config": {"name": "b"}}]}"""));

        assertEquals(List.of("a"), layers.get(1).inbound());
    }

    @Test
    void functionalKeras2InboundNodes() throws IOException {
        List<KerasLayer> layers = KerasModelConfig.layers(FILE, json.readTree("""
                {"class_name": "Functional", "config": {"layers": [
                  {"class_name": "InputLayer", "name": "in", "config": {"name": "in"}, "inbound_nodes": []},
                  {"class_name": "Dense", "name": "a", "config": {"name": "a"},
                   "inbound_nodes": [[["in", 0, 0, {}]]]},
                  {"class_name": "Dense", "name": "b", "config": {"name": "b"},
                   "inbound_nodes": [[["in", 0, 0, {}]]]},
                  {"class_name": "Add", "name": "sum", "config": {"name": "sum"},
                   "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]}]}}"""));

        assertEquals(List.of("in"), layers.get(1).inbound());
        assertEquals(List.of("a", "b"), layers.get(3).inbound());
    }

    @Test
    void functionalKeras3History() throws IOException {
        List<KerasLayer> layers = KerasModelConfig.layers(FILE, json.readTree("""
                {"class_name": "Functional", "config": {"layers": [
                  {"class_name": "InputLayer", "name": "in", "config": {"name": "in"}, "inbound_nodes": []},
                  {"class_name": "Dense", "name": "a", "config": {"name": "a"}, "inbound_nodes": [
                    {"args": [{"class_name": "__keras_tensor__",
                               "config": {"shape": [null, 3], "keras_history": ["in", 0, 0]}}],
                     "kwargs": {}}]},
                  {"class_name": "Concatenate", "name": "cat", "config": {"name": "cat"}, "inbound_nodes": [
                    {"args": [[{"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}},
                               {"class_name": "__keras_tensor__", "config": {"keras_history": ["a", 0, 0]}}]],
                     "kwargs": {"axis": -1}}]}]}}"""));

        assertEquals(List.of("in"), layers.get(1).inbound());
        assertEquals(List.of("in", "a"), layers.get(2).inbound());
    }

    @Test
    void missingLayerListRejected() throws IOException {
        ModelFormatException error = assertThrows(ModelFormatException.class, () ->
                KerasModelConfig.layers(FILE, json.readTree("{\"class_name\": \"Sequential\", \"config\": {}}")));

        assertTrue(error.getMessage().contains("the Sequential model config has no layer list"), error.getMessage());
    }

    @Test
    void layerWithoutNameRejected() throws IOException {
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> KerasModelConfig.layers(FILE,
                json.readTree("{\"class_name\": \"Sequential\", \"config\": {\"layers\": [{\"config\": {}}]}}")));

        assertTrue(error.getMessage().contains("has no class_name or name"), error.getMessage());
    }
}
