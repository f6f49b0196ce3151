// Constraints and indexes of the SVR graph. Every statement is idempotent (IF NOT EXISTS), so
// the file runs at every start. Statements are separated by semicolons.
// Parameters: none.
CREATE CONSTRAINT svr_model_name IF NOT EXISTS
FOR (m:Model) REQUIRE m.name IS UNIQUE;

CREATE CONSTRAINT svr_layer_key IF NOT EXISTS
FOR (l:Layer) REQUIRE (l.model, l.index) IS UNIQUE;

CREATE CONSTRAINT svr_neuron_key IF NOT EXISTS
FOR (n:SpectralNeuron) REQUIRE (n.model, n.layer, n.index) IS UNIQUE;

CREATE INDEX svr_neuron_sigma IF NOT EXISTS
FOR (n:SpectralNeuron) ON (n.relativeSigma);

CREATE INDEX svr_staged_model_key IF NOT EXISTS
FOR (m:StagedModel) ON (m.stagingKey);
