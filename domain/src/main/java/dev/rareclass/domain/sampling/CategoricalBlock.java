package dev.rareclass.domain.sampling;

/**
 * A run of one-hot columns that encode one categorical input column. Samplers that synthesise rows
 * must give such a block exactly one 1 (SMOTE-NC behaviour), never a blend of categories.
 *
 * @param name  the categorical column's name
 * @param start index of the block's first column in the feature matrix
 * @param width number of columns (categories) in the block
 */
public record CategoricalBlock(String name, int start, int width) {
    public CategoricalBlock {
        if (start < 0 || width < 1) {
            throw new IllegalArgumentException("bad block " + start + "+" + width);
        }
    }
}
