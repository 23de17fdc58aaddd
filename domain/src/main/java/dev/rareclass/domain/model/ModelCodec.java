package dev.rareclass.domain.model;

/**
 * A backend's own safe format for its trained classifiers. The model store calls the codec of the
 * backend named in a model's manifest; decoding must never deserialize arbitrary classes.
 */
public interface ModelCodec {

    /** The backend whose classifiers this codec reads and writes. */
    String backend();

    byte[] encode(TrainedClassifier classifier);

    /**
     * @param bytes  what {@link #encode} wrote (its checksum was already verified by the store)
     * @param kind   the model kind recorded in the manifest
     * @param params the parameters recorded in the manifest
     * @param history the training history recorded in the manifest, or null
     */
    TrainedClassifier decode(byte[] bytes, String kind, Hyperparameters params, TrainingHistory history);
}
