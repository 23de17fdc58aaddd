/** Preprocessing fitted on training rows only and stored with the model. */
package dev.rareclass.domain.preprocess;
