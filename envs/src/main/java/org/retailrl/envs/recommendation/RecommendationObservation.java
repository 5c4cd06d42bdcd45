package org.retailrl.envs.recommendation;

import java.util.ArrayList;
import java.util.List;
import org.retailrl.envs.ObservationSpec;

/**
 * Layout of the observation vector of the docs/model.md §3 simulator, the state
 * {@code s_t = {I_{t-1}^i, q_{t-t'}^i}} of Jiang et al. §VI.A: {@code N·(2 + L_max)} floats, units of
 * product — first {@code inventory[i]} for every product, then {@code backlog[i]} (zero under
 * lost sales), then {@code pipeline[i][s]} for {@code s < L_max = max_i L^i}, product-major, where
 * slot {@code s} arrives {@code s + 1} periods from now (slots {@code s ≥ L^i} are always zero).
 */
public final class RecommendationObservation {
    private RecommendationObservation() {
    }

    /** Length of the observation vector. */
    public static int size(RecommendationScenario s) {
        return s.products() * (2 + s.maxLeadTime());
    }

    /** Offset of {@code backlog[0]}. */
    public static int backlogOffset(RecommendationScenario s) {
        return s.products();
    }

    /** Offset of {@code pipeline[0][0]}. */
    public static int pipelineOffset(RecommendationScenario s) {
        return 2 * s.products();
    }

    /** Names and bounds of the components. */
    public static ObservationSpec spec(RecommendationScenario s) {
        int n = s.products();
        int lMax = s.maxLeadTime();
        int[] lead = s.leadTime();
        List<String> names = new ArrayList<>();
        float[] low = new float[size(s)];
        float[] high = new float[size(s)];
        int k = 0;
        for (int i = 0; i < n; i++, k++) {
            names.add("inventory[" + i + "]");
            high[k] = Float.POSITIVE_INFINITY;
        }
        for (int i = 0; i < n; i++, k++) {
            names.add("backlog[" + i + "]");
            high[k] = s.mode() == org.retailrl.envs.pricing.ShortageMode.BACKLOG ? Float.POSITIVE_INFINITY : 0f;
        }
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < lMax; l++, k++) {
                names.add("pipeline[" + i + "][" + l + "]");
                high[k] = l < lead[i] ? s.maxOrder() : 0f;
            }
        }
        return new ObservationSpec(names, low, high);
    }
}
