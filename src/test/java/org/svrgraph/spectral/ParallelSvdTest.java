package org.svrgraph.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.svrgraph.chain.LinearMap;
import org.svrgraph.chain.WeightChain;

/** Layers decomposed on several threads give exactly what one thread gives, with every backend. */
class ParallelSvdTest {

    private static WeightChain chain() {
        Random random = new Random(21);
        List<LinearMap> maps = new ArrayList<>();
        maps.add(RandomChains.conv(random, "c0", 24, 3, 3, 3));
        for (int l = 1; l < 8; l++) {
            maps.add(RandomChains.conv(random, "c" + l, 24 + 8 * l, 16 + 8 * l, 3, 3));
        }
        maps.add(RandomChains.fc(random, "f0", 120, 80 * 4));
        maps.add(RandomChains.fc(random, "f1", 10, 120));
        return new WeightChain(maps);
    }

    private static void assertSame(SvrResult expected, SvrResult actual) {
        for (int l = 0; l < expected.layers().size(); l++) {
            assertArrayEquals(expected.layers().get(l).sigma(), actual.layers().get(l).sigma(), "layer " + l);
        }
        for (int l = 0; l < expected.pairs().size(); l++) {
            assertArrayEquals(expected.pairs().get(l).adjacency().data(), actual.pairs().get(l).adjacency().data(),
                    "pair " + l);
        }
    }

    @Test
    void parallelEqualsSequentialWithBestBackend() {
        LinearAlgebra algebra = LinearAlgebras.best();
        WeightChain chain = chain();
        SvrResult sequential = new SvrEngine(algebra, 1).compute(chain, SvrOptions.DEFAULTS);
        for (int run = 0; run < 3; run++) {
            assertSame(sequential, new SvrEngine(algebra, 4).compute(chain, SvrOptions.DEFAULTS));
        }
    }

    @Test
    void parallelEqualsSequentialWithEjml() {
        WeightChain chain = chain();
        SvrResult sequential = new SvrEngine(new EjmlLinearAlgebra(), 1).compute(chain, SvrOptions.DEFAULTS);
        assertSame(sequential, new SvrEngine(new EjmlLinearAlgebra(), 3).compute(chain, SvrOptions.DEFAULTS));
    }

    @Test
    void progressCountsEveryLayerOnce() {
        WeightChain chain = chain();
        AtomicLong last = new AtomicLong();
        AtomicLong updates = new AtomicLong();
        new SvrEngine(new EjmlLinearAlgebra(), 4).compute(chain, SvrOptions.DEFAULTS, (stage, done, total) -> {
            if (stage.equals("svd") && done > 0) {
                updates.incrementAndGet();
                last.accumulateAndGet(done, Math::max);
            }
        });
        assertEquals(chain.size(), updates.get());
        assertEquals(chain.size(), last.get());
    }
}
