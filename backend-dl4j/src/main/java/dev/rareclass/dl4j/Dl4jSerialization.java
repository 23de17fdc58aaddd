package dev.rareclass.dl4j;

import dev.rareclass.dl4j.lean.LeanLayers;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.TrainingHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** The DL4J side of {@link Dl4jModelCodec}, kept apart so the codec itself references no DL4J class. */
final class Dl4jSerialization {

    private Dl4jSerialization() {
    }

    /** DL4J's zip (configuration JSON + coefficients), without updater state: saved models only score. */
    static byte[] write(Dl4jTrainedClassifier classifier) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultiLayerNetwork net = classifier.network();
        try {
            synchronized (net) {
                ModelSerializer.writeModel(net, out, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a dl4j model to memory", e);
        }
        return out.toByteArray();
    }

    /**
     * A network that disagrees with its manifest is refused: a classifier ends in one probability, an autoencoder in as
     * many values as it takes, and the hidden layers are the sizes the manifest's parameters list (a logistic network has
     * none). (Whether it takes the manifest's features is checked by the store, which knows them.)
     */
    private static void requireOutputFor(MultiLayerNetwork net, String kind, Hyperparameters params,
            Dl4jTrainedClassifier.Output output) {
        int layers = net.getLayerWiseConfigurations().getConfs().size();
        if (layers == 0
                || !(net.getLayerWiseConfigurations().getConf(0).getLayer() instanceof FeedForwardLayer first)
                || !(net.getLayerWiseConfigurations().getConf(layers - 1).getLayer() instanceof FeedForwardLayer last)) {
            throw new DataException("the saved dl4j network is not a feed-forward network as " + Quoting.withArticle(kind) + " model is");
        }
        long expected = output == Dl4jTrainedClassifier.Output.PROBABILITY ? 1 : first.getNIn();
        long outputs = last.getNOut();
        for (int i = layers - 2; outputs == 0 && last instanceof LossLayer && i >= 0; i--) {
            // a loss layer passes its input's width on (it declares none): the text-only logistic network's sigmoid on
            // its pooled one-unit embedding, which was refused as ending in 0 outputs, so no such model could be loaded
            if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof FeedForwardLayer before) {
                outputs = before.getNOut();
            }
        }
        if (outputs != expected) {
            throw new DataException("the saved dl4j network ends in " + outputs + (outputs == 1 ? " output" : " outputs") + ", but "
                    + Quoting.withArticle(kind) + " model ends in " + expected);
        }
        // a logistic network is its one sigmoid unit (on text alone, the embedding-sum layer of one unit that feeds it):
        // an MLP re-signed as logistic@dl4j, whose parameters list no hidden layers to compare, was taken
        java.util.List<String> sizes = new java.util.ArrayList<>();
        for (int i = 0; i < layers - 1; i++) {
            if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof FeedForwardLayer layer) {
                sizes.add(String.valueOf(layer.getNOut()));
            }
        }
        String key = output == Dl4jTrainedClassifier.Output.PROBABILITY ? "hidden" : "layers";
        String hidden = !kind.equals("logistic") ? params.asMap().get(key)
                : first instanceof org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer ? "1" : "";
        if (hidden == null) {
            // every trained network's manifest lists its layers; one re-signed without them would load and show
            // (inspect, serve's metadata) a network it is not, or the defaults' 16,16
            throw new DataException("the saved dl4j network's hidden layers are " + String.join(",", sizes)
                    + " but its manifest's parameters have no '" + key + "' to say so");
        }
        if (!String.join(",", sizes).equals(hidden.replace(" ", ""))) {
            throw new DataException("the saved dl4j network's hidden layers are " + String.join(",", sizes)
                    + " but its manifest says " + (hidden.isEmpty() ? "none (" + kind + ")" : hidden));
        }
    }

    /** Expects bytes whose zip entries were already checked by the codec. */
    static Dl4jTrainedClassifier read(byte[] bytes, String kind, Hyperparameters params, TrainingHistory history) {
        Dl4jRuntime.ensureConfigured();
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
        } catch (IllegalArgumentException e) {
            // DL4J's own check of the coefficients against the layers: "Invalid parameters: expected length 433, got 417"
            throw new DataException("the saved dl4j network cannot be read: " + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("its coefficients do not fit its layers"), e);
        } catch (IOException | RuntimeException e) {
            // anything else is its configuration.json, and DL4J's words for it ran to several lines quoting the JSON and
            // naming Java classes (a null "confs" was Jackson's JsonMappingException around a NullPointerException's
            // text); they stay the cause, for --verbose
            throw new DataException("the saved dl4j network cannot be read: its configuration.json is not a network "
                    + "configuration this build of DL4J can rebuild", e);
        } catch (StackOverflowError e) {
            throw new DataException("the saved dl4j network nests too deeply to be read", e);
        }
        Dl4jTrainedClassifier.Output output = Dl4jTrainedClassifier.Output.forKind(kind);
        requireOutputFor(net, kind, params, output);
        LeanLayers.install(net); // as when it was trained (text models included), so that it scores the same
        return new Dl4jTrainedClassifier(kind, params, net, history, output);
    }
}
