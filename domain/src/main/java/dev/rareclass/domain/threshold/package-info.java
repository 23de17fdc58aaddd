/**
 * Policies for turning scores into 0/1 predictions, parsed from short specs such as {@code max-f1}.
 */
package dev.rareclass.domain.threshold;
