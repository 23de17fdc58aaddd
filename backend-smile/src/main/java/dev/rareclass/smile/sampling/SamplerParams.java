package dev.rareclass.smile.sampling;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.Hyperparameters;
import java.util.Set;

/**
 * Validated parameters of one sampler; each sampler reads the ones it declares and leaves the others
 * at their defaults. Names follow imbalanced-learn's, shortened:
 *
 * @param ratio   {@code ratio}: minority/majority count after resampling, in (0, 1] (imbalanced-learn's
 *                float {@code sampling_strategy}); 1 = balance the classes ({@code 'auto'})
 * @param k       {@code k}: neighbours ({@code k_neighbors} of SMOTE variants, {@code n_neighbors} of
 *                ADASYN, NearMiss and ENN)
 * @param m       {@code m}: neighbours that decide danger and noise ({@code m_neighbors}) in
 *                Borderline-SMOTE and SVM-SMOTE
 * @param outStep {@code out-step}: extrapolation step of SVM-SMOTE's safe rows ({@code out_step})
 * @param c       {@code c}: the SVM's penalty C in SVM-SMOTE
 * @param kVer3   {@code k-ver3}: NearMiss-3's first-stage neighbours ({@code n_neighbors_ver3})
 * @param ennK    {@code enn-k}: the ENN cleaner's neighbours in SMOTE-ENN
 * @param given   the names the user set; the others hold the sampler's defaults, which decides whose fault a
 *                neighbour count the rows cannot meet is (see Support.requireNeighbours)
 */
public record SamplerParams(double ratio, int k, int m, double outStep, double c, int kVer3, int ennK, Set<String> given) {

    static final String RATIO = "ratio";
    static final String K = "k";
    static final String M = "m";
    static final String OUT_STEP = "out-step";
    static final String C = "c";
    static final String K_VER3 = "k-ver3";
    static final String ENN_K = "enn-k";

    public SamplerParams {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be in (0, 1], got " + ratio);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (m < 1) {
            throw new IllegalArgumentException("m must be >= 1, got " + m);
        }
        if (!(outStep >= 0) || Double.isInfinite(outStep)) {
            throw new IllegalArgumentException("out-step must be finite and >= 0, got " + outStep);
        }
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be finite and > 0, got " + c);
        }
        if (kVer3 < 1) {
            throw new IllegalArgumentException("k-ver3 must be >= 1, got " + kVer3);
        }
        if (ennK < 1) {
            throw new IllegalArgumentException("enn-k must be >= 1, got " + ennK);
        }
        given = Set.copyOf(given);
    }

    /** Reads {@code p} against {@code known} names, with {@code defaults} for the others. */
    static SamplerParams of(Hyperparameters p, Set<String> known, SamplerParams defaults, String sampler) {
        p.requireKnown(known, "sampler " + sampler);
        double ratio = defaults.ratio;
        String raw = p.string(RATIO, null);
        if (raw != null) {
            try {
                ratio = dev.rareclass.domain.data.Decimals.parse(raw);
            } catch (NumberFormatException e) {
                throw new UsageException("parameter ratio=" + raw + " is not a number");
            }
            if (!(ratio > 0 && ratio <= 1)) {
                throw new UsageException("parameter ratio=" + raw + " is out of range (0, 1] for sampler " + sampler);
            }
        }
        int k = p.integer(K, defaults.k, 1, 100_000);
        int m = p.integer(M, defaults.m, 1, 100_000);
        double outStep = p.decimal(OUT_STEP, defaults.outStep, 0, 1e6);
        double c = p.decimal(C, defaults.c, 1e-12, 1e12);
        int kVer3 = p.integer(K_VER3, defaults.kVer3, 1, 100_000);
        int ennK = p.integer(ENN_K, defaults.ennK, 1, 100_000);
        return new SamplerParams(ratio, k, m, outStep, c, kVer3, ennK, p.asMap().keySet());
    }

    /** These parameters with {@code k} neighbours. */
    SamplerParams withK(int newK) {
        return new SamplerParams(ratio, newK, m, outStep, c, kVer3, ennK, given);
    }

    /** imbalanced-learn's defaults with {@code k} set. */
    static SamplerParams defaults(int k) {
        return new SamplerParams(1.0, k, 10, 0.5, 1.0, 3, 3, Set.of());
    }
}
