package org.svrgraph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.svrgraph.spectral.SignificanceCriterion;
import org.svrgraph.spectral.SvrOptions;

class CriterionTextTest {

    private static SvrOptions with(SignificanceCriterion criterion, double sigma, double fdr) {
        SvrOptions d = SvrOptions.DEFAULTS;
        return new SvrOptions(d.method(), sigma, criterion, fdr, d.topK(), d.precision(), d.foldBatchNorm(),
                d.nearKernelThreshold());
    }

    @Test
    void sigmaCriteriaShowTheSigmaLevel() {
        assertEquals("chi2 at 3σ", FigureModels.criterionText(with(SignificanceCriterion.CHI_SQUARE, 3, 0.05)));
        assertEquals("beta at 2.5σ", FigureModels.criterionText(with(SignificanceCriterion.EXACT_BETA, 2.5, 0.05)));
    }

    @Test
    void fdrShowsItsRateNotSigma() {
        assertEquals("fdr at q = 0.5",
                FigureModels.criterionText(with(SignificanceCriterion.BENJAMINI_HOCHBERG, 3, 0.5)));
    }
}
