package dev.rareclass.smile;

import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.model.ClassifierTrainer;
import dev.rareclass.domain.model.ModelId;

/**
 * {@code knn@smile}: Smile's k-nearest-neighbour classifier with the Euclidean distance on the preprocessed
 * features (a k-d tree below 10 columns, a cover tree from 10, both exact). Training only keeps the rows, so
 * there is no randomness; the seed is not needed. Scale matters: with {@code --scale none} the widest column
 * decides the neighbours.
 *
 * <p><b>Class weights</b> are refused: neighbours vote with equal weight (scikit-learn's {@code KNeighborsClassifier}
 * has no class weights either).
 */
public final class KnnFactory extends SmileTrainerFactory {

    static final String KIND = "knn";
    static final String MODEL = ModelId.of(KIND, SmileModule.NAME).toString();

    public KnnFactory() {
        super(KIND, KnnParams.NAMES, false, p -> trainer(KnnParams.of(p)));
    }

    private static ClassifierTrainer trainer(KnnParams params) {
        return (x, y, ctx) -> {
            if (params.k() > x.rows()) {
                throw new UsageException("parameter k=" + params.k() + " exceeds the " + x.rows() + " training rows of "
                        + MODEL);
            }
            return new SmileKnnClassifier(x.data().clone(), x.cols(), y.toArray(), params);
        };
    }
}
