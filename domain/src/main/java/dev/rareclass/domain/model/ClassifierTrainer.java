package dev.rareclass.domain.model;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.Labels;

/**
 * Trains one kind of classifier on one backend with parameters fixed at creation
 * ({@link TrainerFactory#create}). Stateless between calls; safe to call from several threads.
 */
public interface ClassifierTrainer {

    /**
     * @param x   preprocessed training features (already scaled and resampled)
     * @param y   their labels; both classes present unless the kind says otherwise
     * @param ctx seed, class weights, optional validation data, progress
     */
    TrainedClassifier train(FeatureMatrix x, Labels y, TrainingContext ctx);
}
