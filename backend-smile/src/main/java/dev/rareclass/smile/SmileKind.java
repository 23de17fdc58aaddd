package dev.rareclass.smile;

import dev.rareclass.domain.model.ModelId;

/** The kinds this backend trains, each with its name and its model id {@code kind@smile}. */
enum SmileKind {
    LOGISTIC("logistic"), RANDOM_FOREST("random-forest"), DECISION_TREE("decision-tree"),
    GRADIENT_BOOSTING("gradient-boosting"), ADABOOST("adaboost"), KNN("knn"), SVM("svm"), MLP("mlp"),
    BALANCED_RANDOM_FOREST("balanced-random-forest"), BALANCED_BAGGING("balanced-bagging"),
    EASY_ENSEMBLE("easy-ensemble"), RUS_BOOST("rus-boost");

    /** The kind's name, as in {@code kind@smile}. */
    final String kind;
    /** {@code kind@smile}, as user messages name the model. */
    final String model;

    SmileKind(String kind) {
        this.kind = kind;
        this.model = ModelId.of(kind, SmileModule.NAME).toString();
    }

    /**
     * Whether each member is fitted on rows under-sampled to the minority's size (imbalanced-learn's balanced forest,
     * bagging and easy ensemble), so that its probabilities describe a world of half positives. rus-boost is not one:
     * its rounds' samples are balanced, but its trees fit them with boosting weights that move away from balance.
     */
    boolean balancesEachMember() {
        return this == BALANCED_RANDOM_FOREST || this == BALANCED_BAGGING || this == EASY_ENSEMBLE;
    }

    /**
     * Whether its fit and its scores read a bag of words as the sparse rows it comes in (a matrix's sparse companion),
     * without the rows × words matrix the other kinds are given: {@code logistic}, on Smile's sparse logistic regression.
     */
    boolean readsSparseFeatures() {
        return this == LOGISTIC;
    }
}
