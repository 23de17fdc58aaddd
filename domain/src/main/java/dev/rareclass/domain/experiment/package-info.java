/**
 * The use cases the command line drives (train, evaluate, predict, score, describe, cross-validation)
 * and the one pipeline-fitting procedure they share.
 */
package dev.rareclass.domain.experiment;
