/**
 * The classifier ports every backend implements: {@link dev.rareclass.domain.model.TrainerFactory} →
 * {@link dev.rareclass.domain.model.ClassifierTrainer} → {@link dev.rareclass.domain.model.TrainedClassifier},
 * plus {@link dev.rareclass.domain.model.ModelCodec} for saving. A new classifier is one factory class and
 * one binding in its backend's Guice module.
 */
package dev.rareclass.domain.model;
