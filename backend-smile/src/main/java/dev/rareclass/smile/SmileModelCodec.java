package dev.rareclass.smile;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.Quoting;
import dev.rareclass.domain.model.Hyperparameters;
import dev.rareclass.domain.model.PayloadHeader;
import dev.rareclass.domain.model.ModelCodec;
import dev.rareclass.domain.model.TrainedClassifier;
import dev.rareclass.domain.model.TrainingHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import smile.classification.RandomForest;

/**
 * The Smile backend's model format. Every payload starts with a header, {@code "RCSM"}, a format
 * version and the model kind, so a payload of another backend, kind or version is refused with a
 * clear message before anything else is read.
 *
 * <ul>
 * <li>{@code logistic}: plain numbers (parameters, log-likelihood, coefficients) written with
 *     {@link DataOutputStream}; decoding rebuilds Smile's model from them, no deserialisation at all.
 * <li>{@code balanced-random-forest}, {@code balanced-bagging}: their parameters, then their Smile trees as one
 *     Java-serialised {@code DecisionTree[]}, read through the same allow-list (Smile's classes only), as many as
 *     {@code trees} says.
 * <li>{@code easy-ensemble}, {@code rus-boost}: plain numbers (parameters, then each member's {@link WeightedTree}s
 *     node by node), checked node by node before use; no deserialisation at all.
 * <li>{@code random-forest} (and {@code decision-tree}, {@code gradient-boosting}, {@code adaboost}, {@code svm},
 *     {@code mlp}): Smile's model through Java serialisation, because Smile offers no other way to persist it. Reading
 *     is bounded in time and memory for any bytes: an allow-list {@link ObjectInputFilter} names the classes these
 *     models are made of (any other is rejected when its descriptor is read, before it is instantiated or its
 *     {@code readObject} runs), nesting is limited to about twice the deepest tree, no array may be longer than the
 *     stream has bytes, {@code java.util.HashMap} is read through {@link dev.rareclass.smile.serial.HashMap}, which
 *     takes plain keys and values only (nested collections hash in exponential time), and what is read is checked
 *     before use: every tree walked once ({@link SmileTrees}: no shared or cyclic node, splits on known features), an
 *     MLP's layer sizes against its weights.
 * </ul>
 */
public final class SmileModelCodec implements ModelCodec {

    static final int MAGIC = 0x5243534D; // "RCSM": rareclass, Smile
    static final int VERSION = 1;
    private static final PayloadHeader HEADER = new PayloadHeader(MAGIC, VERSION, "smile");
    static final byte LOGISTIC = 1;
    static final byte RANDOM_FOREST = 2;
    static final byte DECISION_TREE = 3;
    static final byte GRADIENT_BOOSTING = 4;
    static final byte ADABOOST = 5;
    static final byte KNN = 6;
    static final byte SVM = 7;
    static final byte MLP = 8;
    static final byte BALANCED_RANDOM_FOREST = 9;
    static final byte BALANCED_BAGGING = 10;
    static final byte EASY_ENSEMBLE = 11;
    static final byte RUS_BOOST = 12;

    /**
     * How a stored kind is read, after its header and kind byte; {@code listed} are the parameters the (checksummed)
     * manifest lists, for what a payload has no field for (the {@code seed} of the kinds stored as fixed binary fields).
     */
    private interface Reader {
        TrainedClassifier read(DataInputStream in, Hyperparameters listed) throws IOException;
    }

    /** A stored kind: the kind it names and how its payload is read. */
    private record Stored(String kind, Reader reader) {
    }

    /** The stored kinds, indexed by their kind byte (0 is no kind). */
    private static final Stored[] KINDS = {
            null,
            new Stored(SmileKind.LOGISTIC.kind, SmileModelCodec::readLogistic),
            new Stored(SmileKind.RANDOM_FOREST.kind, SmileModelCodec::readForest),
            new Stored(SmileKind.DECISION_TREE.kind, (in, listed) -> readTreeModel(in, DecisionTreeParams::of, "tree",
                    smile.classification.DecisionTree.class,
                    tree -> tree.schema() == null ? "it has no schema" : treeProblem(tree, tree.schema().length()),
                    "a binary decision tree", SmileDecisionTreeClassifier::new)),
            new Stored(SmileKind.GRADIENT_BOOSTING.kind, (in, listed) -> readTreeModel(in, GradientBoostingParams::of, "model",
                    smile.classification.GradientTreeBoost.class,
                    model -> model.trees() == null || model.trees().length != 1 || model.schema() == null
                            ? "it is not binary" : boostedTreesProblem(model),
                    "a binary gradient boosting model", SmileGradientBoostingClassifier::new)),
            new Stored(SmileKind.ADABOOST.kind, (in, listed) -> readTreeModel(in, AdaBoostParams::of, "model",
                    smile.classification.AdaBoost.class,
                    model -> model.numClasses() != 2 || model.schema() == null
                            ? "it is not binary" : treesProblem(model.trees(), model.schema().length()),
                    "a binary adaboost model", SmileAdaBoostClassifier::new)),
            new Stored(SmileKind.KNN.kind, SmileModelCodec::readKnn),
            new Stored(SmileKind.SVM.kind, (in, listed) -> readSvm(in)),
            new Stored(SmileKind.MLP.kind, (in, listed) -> readMlp(in)),
            new Stored(SmileKind.BALANCED_RANDOM_FOREST.kind, (in, listed) -> readBagged(in, SmileKind.BALANCED_RANDOM_FOREST,
                    stored -> BalancedForestParams.of(shiftDepth(stored, -1)), (p, trees) -> trees.length == p.trees() && p.mtry() >= 1
                            && p.mtry() <= trees[0].schema().length())),
            new Stored(SmileKind.BALANCED_BAGGING.kind, (in, listed) -> readBagged(in, SmileKind.BALANCED_BAGGING,
                    BalancedBaggingParams::of, (p, trees) -> trees.length == p.trees())),
            new Stored(SmileKind.EASY_ENSEMBLE.kind, (in, listed) -> readBoosted(in, SmileKind.EASY_ENSEMBLE, EasyEnsembleParams::of,
                    EasyEnsembleParams::estimators, EasyEnsembleParams::trees, EasyEnsembleParams::maxDepth)),
            new Stored(SmileKind.RUS_BOOST.kind, (in, listed) -> readBoosted(in, SmileKind.RUS_BOOST, RusBoostParams::of,
                    p -> 1, RusBoostParams::trees, RusBoostParams::maxDepth)),
    };

    /** Most parameters a payload may list (each kind has fewer than 20). */
    private static final int MAX_PARAMS = 64;

    /**
     * The classes a Smile 6.3 model of ours is made of (found by recording the classes of each kind's stream): boxed
     * numbers and enums in Smile's schema types, the list inside {@code StructType}, the maps of a nominal column's levels
     * and of a classifier's classes (read as {@link dev.rareclass.smile.serial.HashMap}, which holds plain values only),
     * and Smile's own model, tree, schema, network and kernel classes. No other class, and no other hash-based collection.
     */
    private static final Set<String> ALLOWED = Set.of(
            "java.lang.Enum", "java.lang.Number", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.String", "java.lang.Object",
            "java.util.ArrayList", "java.util.Map$Entry", dev.rareclass.smile.serial.HashMap.class.getName(),
            // what the checking map resolves to: the filter sees it again then; a stream's own HashMap never reaches
            // the filter as java.util.HashMap, since GuardedObjectInputStream resolves that name to the checking map
            "java.util.HashMap",
            "smile.classification.AbstractClassifier", "smile.classification.AdaBoost", "smile.classification.DecisionTree",
            "smile.classification.GradientTreeBoost", "smile.classification.RandomForest",
            "smile.classification.RandomForest$Model", "smile.classification.MLP", "smile.classification.SVM",
            "smile.classification.PlattScaling", "smile.regression.RegressionTree",
            "smile.data.formula.Formula", "smile.data.formula.Variable", "smile.data.formula.Term",
            "smile.data.measure.CategoricalMeasure", "smile.data.measure.NominalScale",
            "smile.data.type.DataType$ID", "smile.data.type.PrimitiveType", "smile.data.type.DoubleType",
            "smile.data.type.FloatType", "smile.data.type.IntType", "smile.data.type.StructField",
            "smile.data.type.StructType",
            "smile.model.cart.CART", "smile.model.cart.Node", "smile.model.cart.InternalNode",
            "smile.model.cart.OrdinalNode", "smile.model.cart.NominalNode", "smile.model.cart.LeafNode",
            "smile.model.cart.DecisionNode", "smile.model.cart.RegressionNode", "smile.model.cart.SplitRule",
            "smile.model.svm.KernelMachine", "smile.util.IntSet", "smile.validation.ClassificationMetrics",
            "smile.tensor.DenseMatrix", "smile.tensor.DenseMatrix32", "smile.tensor.DenseMatrix64",
            "smile.tensor.Vector", "smile.tensor.Vector32", "smile.tensor.Vector64");

    /** Packages whose every class may occur: an MLP's layers, activations and costs, an SVM's kernels. */
    private static final java.util.List<String> ALLOWED_PACKAGES = java.util.List.of("smile.model.mlp.",
            "smile.math.kernel.", "smile.util.function.TimeFunction$");

    /**
     * Nesting of a stream: a tree is stored node inside node, so its depth is about the tree's
     * ({@link RandomForestParams#MAX_TREE_DEPTH} at most), plus the model objects around it.
     */
    private static final long MAX_DEPTH = 2L * RandomForestParams.MAX_TREE_DEPTH + 50;

    @Override
    public String backend() {
        return SmileModule.NAME;
    }

    @Override
    public byte[] encode(TrainedClassifier classifier) {
        SmileTrainedClassifier smile = HEADER.own(classifier, SmileTrainedClassifier.class);
        return HEADER.encode(out -> {
            switch (smile) {
                case SmileLogisticClassifier lr -> writeLogistic(out, lr);
                case SmileRandomForestClassifier rf -> writeForest(out, rf);
                case SmileDecisionTreeClassifier dt -> writeSerialised(out, DECISION_TREE, dt.params(), dt.tree());
                case SmileGradientBoostingClassifier gb -> writeSerialised(out, GRADIENT_BOOSTING, gb.params(), gb.model());
                case SmileAdaBoostClassifier ab -> writeSerialised(out, ADABOOST, ab.params(), ab.model());
                case SmileKnnClassifier knn -> writeKnn(out, knn);
                case SmileSvmClassifier svm -> writeSerialised(out, SVM, svm.params(), new Object[] {svm.svm(), svm.platt()});
                case SmileImbalanceEnsembleClassifier<?> bag -> writeSerialised(out,
                        bag.smileKind() == SmileKind.BALANCED_RANDOM_FOREST ? BALANCED_RANDOM_FOREST : BALANCED_BAGGING,
                        bag.smileKind() == SmileKind.BALANCED_RANDOM_FOREST ? shiftDepth(bag.params(), 1) : bag.params(),
                        bag.trees());
                case SmileImbalanceBoostClassifier<?> boost -> writeBoosted(out, boost);
                case SmileMlpClassifier mlp -> {
                    writeSerialised(out, MLP, storedMlpParams(mlp.params()), mlp.net());
                    out.writeInt(mlp.featureCount());
                }
            }
        }, 1024);
    }

    private static void writeLogistic(DataOutputStream out, SmileLogisticClassifier lr) throws IOException {
        out.writeByte(LOGISTIC);
        LogisticParams p = lr.logisticParams();
        out.writeDouble(p.lambda());
        out.writeDouble(p.tolerance());
        out.writeInt(p.maxIterations());
        out.writeDouble(lr.logLikelihood());
        double[] w = lr.coefficients();
        out.writeInt(w.length);
        for (double v : w) {
            out.writeDouble(v);
        }
    }

    private static void writeForest(DataOutputStream out, SmileRandomForestClassifier rf) throws IOException {
        out.writeByte(RANDOM_FOREST);
        RandomForestParams p = rf.forestParams();
        out.writeInt(p.trees());
        out.writeInt(p.mtry());
        out.writeInt(p.smileMaxDepth()); // Smile's count, as files have always stored it (see shiftDepth)
        out.writeInt(p.maxNodes());
        out.writeInt(p.nodeSize());
        out.writeDouble(p.subsample());
        out.writeUTF(p.splitRule().name());
        writeObject(out, rf.forest());
    }

    /** k-NN as plain numbers: k, rows, columns, the float32 rows, one label byte per row. */
    private static void writeKnn(DataOutputStream out, SmileKnnClassifier knn) throws IOException {
        out.writeByte(KNN);
        out.writeInt(knn.knnParams().k());
        int[] labels = knn.labels();
        out.writeInt(labels.length);
        out.writeInt(knn.featureCount());
        for (float v : knn.rows()) {
            out.writeFloat(v);
        }
        for (int label : labels) {
            out.writeByte(label);
        }
    }

    /**
     * A kind stored as its parameters (count, then key and value pairs) and its Smile model through Java
     * serialisation (length, then the stream), read back by {@link #readParams} and {@link #readSerialised}.
     */
    private static void writeSerialised(DataOutputStream out, byte kind, Hyperparameters params, Object model)
            throws IOException {
        out.writeByte(kind);
        writeParams(out, params);
        writeObject(out, model);
    }

    private static void writeParams(DataOutputStream out, Hyperparameters params) throws IOException {
        java.util.Map<String, String> map = params.asMap();
        out.writeInt(map.size());
        for (java.util.Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
    }

    private static void writeObject(DataOutputStream out, Object model) throws IOException {
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(object)) {
            oos.writeObject(model);
        }
        out.writeInt(object.size());
        object.writeTo(out);
    }

    /**
     * Reads a payload written by {@link #encode}. The parameters stored in the payload are used, but for the {@code seed}
     * of the kinds whose payload is fixed binary fields (random forest, logistic, k-NN), which is the manifest's
     * {@code params}' (checksummed with it); {@code history} is not needed (these models have no epochs).
     */
    @Override
    public TrainedClassifier decode(byte[] bytes, String kind, Hyperparameters params, TrainingHistory history) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int stored = HEADER.read(in, bytes.length, KINDS.length);
            Stored entry = KINDS[stored];
            if (entry == null) {
                throw refused("it holds an unknown smile model kind (" + stored + ")");
            }
            if (!entry.kind().equals(kind)) {
                throw refused("it holds " + Quoting.withArticle(entry.kind()) + " model but the manifest says " + kind);
            }
            TrainedClassifier out = entry.reader().read(in, params);
            if (in.read() != -1) {
                throw refused("it has bytes after the model");
            }
            return out;
        } catch (EOFException e) {
            throw refused("it is truncated");
        } catch (java.io.UTFDataFormatException e) {
            throw refused("its text is malformed (" + e.getMessage() + ")");
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // a model object that passed the allow-list but whose state does not hold together (an altered payload)
            throw refused("its model is inconsistent (" + describe(e) + ")");
        } catch (IOException e) {
            throw new DataException("cannot read the smile model: " + e.getMessage(), e);
        }
    }

    private static SmileLogisticClassifier readLogistic(DataInputStream in, Hyperparameters listed) throws IOException {
        LogisticParams params = validParams(() -> new LogisticParams(in.readDouble(), in.readDouble(), in.readInt(), listed.seed()));
        double logLikelihood = in.readDouble();
        int n = in.readInt();
        if (n < 2 || n > in.available() / Double.BYTES) {
            throw refused("its coefficient count " + n + " does not match its length");
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = in.readDouble();
            if (!Double.isFinite(w[i])) {
                throw refused("coefficient " + i + " is not finite");
            }
        }
        return new SmileLogisticClassifier(w, params, logLikelihood);
    }

    /** A forest's parameters are fixed binary fields, which have none for its own {@code seed}: that is the manifest's. */
    private static SmileRandomForestClassifier readForest(DataInputStream in, Hyperparameters listed) throws IOException {
        RandomForestParams params = validParams(() -> new RandomForestParams(in.readInt(), in.readInt(),
                in.readInt() - 1, in.readInt(), in.readInt(), in.readDouble(), smile.model.cart.SplitRule.valueOf(in.readUTF()),
                listed.seed()));
        Object read = readSerialised(in, "forest");
        if (!(read instanceof RandomForest forest) || forest.numClasses() != 2) {
            throw refused("it holds a " + className(read) + ", not a binary random forest");
        }
        String problem = forest.schema() == null ? "it has no schema"
                : forest.models() == null || forest.models().length != params.trees()
                        ? "it has " + (forest.models() == null ? 0 : forest.models().length) + " trees, not " + params.trees()
                        : treesProblem(forest.trees(), forest.schema().length());
        if (problem != null) {
            throw refused("its forest is not valid: " + problem);
        }
        return new SmileRandomForestClassifier(forest, params);
    }

    /**
     * A tree model stored as its parameters and its Java-serialised Smile model: the parameters are validated as
     * a user's, the object must be of {@code type} and pass {@code valid}, else the payload is refused as not
     * {@code expected}.
     */
    private static <P, M> TrainedClassifier readTreeModel(DataInputStream in, java.util.function.Function<Hyperparameters, P> of,
            String what, Class<M> type, java.util.function.Function<M, String> problem, String expected,
            java.util.function.BiFunction<M, P, TrainedClassifier> make) throws IOException {
        P params = validParams(() -> of.apply(readParams(in)));
        Object read = readSerialised(in, what);
        if (!type.isInstance(read)) {
            throw refused("it holds a " + className(read) + ", not " + expected);
        }
        String wrong = problem.apply(type.cast(read));
        if (wrong != null) {
            throw refused("it holds " + expected + " that is not valid: " + wrong);
        }
        return make.apply(type.cast(read), params);
    }

    /**
     * A boosted imbalance ensemble as plain numbers: its parameters, the feature count, the member count, and per member
     * its tree count and trees; per tree the node count, then per node its feature (-1 for a leaf), threshold, left and
     * right child (-1 for a leaf) and its two class shares.
     */
    private static void writeBoosted(DataOutputStream out, SmileImbalanceBoostClassifier<?> boost) throws IOException {
        out.writeByte(boost.smileKind() == SmileKind.EASY_ENSEMBLE ? EASY_ENSEMBLE : RUS_BOOST);
        writeParams(out, boost.params());
        out.writeInt(boost.featureCount());
        out.writeInt(boost.members().length);
        for (WeightedTree[] member : boost.members()) {
            out.writeInt(member.length);
            for (WeightedTree tree : member) {
                out.writeInt(tree.nodes());
                for (int k = 0; k < tree.nodes(); k++) {
                    out.writeInt(tree.feature[k]);
                    out.writeDouble(tree.threshold[k]);
                    out.writeInt(tree.left[k]);
                    out.writeInt(tree.right[k]);
                    out.writeDouble(tree.proba[2 * k]);
                    out.writeDouble(tree.proba[2 * k + 1]);
                }
            }
        }
    }

    /** Bytes of one stored node of a boosted ensemble's tree. */
    private static final int NODE_BYTES = 3 * Integer.BYTES + 3 * Double.BYTES;

    /**
     * A boosted imbalance ensemble written by {@link #writeBoosted}: the parameters are validated as a user's, the member
     * count must be {@code members(params)}, each member hold 1 to {@code trees(params)} trees, and each tree be a
     * valid {@link WeightedTree} (see {@link WeightedTree#problem}) no deeper than {@code maxDepth(params)}.
     */
    private static <P extends SmileTreeParams> TrainedClassifier readBoosted(DataInputStream in, SmileKind kind,
            java.util.function.Function<Hyperparameters, P> of, java.util.function.ToIntFunction<P> members,
            java.util.function.ToIntFunction<P> trees, java.util.function.ToIntFunction<P> maxDepth) throws IOException {
        P params = validParams(() -> of.apply(readParams(in)));
        int cols = in.readInt();
        int count = in.readInt();
        if (cols < 1 || count != members.applyAsInt(params)) {
            throw refused("its " + count + " members of " + cols + " features do not match its parameters " + params.toHyperparameters());
        }
        WeightedTree[][] read = new WeightedTree[count][];
        for (int m = 0; m < count; m++) {
            int size = in.readInt();
            if (size < 1 || size > trees.applyAsInt(params)) {
                throw refused("member " + m + " has " + size + " trees, not 1 to " + trees.applyAsInt(params));
            }
            read[m] = new WeightedTree[size];
            for (int t = 0; t < size; t++) {
                int nodes = in.readInt();
                if (nodes < 1 || nodes > in.available() / NODE_BYTES) {
                    throw refused("its node count " + nodes + " does not match its length");
                }
                int[] feature = new int[nodes];
                double[] threshold = new double[nodes];
                int[] left = new int[nodes];
                int[] right = new int[nodes];
                double[] proba = new double[2 * nodes];
                for (int k = 0; k < nodes; k++) {
                    feature[k] = in.readInt();
                    threshold[k] = in.readDouble();
                    left[k] = in.readInt();
                    right[k] = in.readInt();
                    proba[2 * k] = in.readDouble();
                    proba[2 * k + 1] = in.readDouble();
                }
                String problem = WeightedTree.problem(feature, threshold, left, right, proba, cols, maxDepth.applyAsInt(params));
                if (problem != null) {
                    throw refused("tree " + t + " of member " + m + " is not valid: " + problem);
                }
                read[m][t] = new WeightedTree(feature, threshold, left, right, proba);
            }
        }
        return new SmileImbalanceBoostClassifier<>(kind, params, cols, read);
    }

    /**
     * A bagged imbalance ensemble: its parameters, validated as a user's, and its trees as one Java-serialised
     * {@code DecisionTree[]} (Smile's classes only, so the allow-list stays as it is), which must be binary trees over
     * one schema, as many as the parameters say ({@code shape}), else the payload is refused.
     */
    private static <P extends SmileTreeParams> TrainedClassifier readBagged(DataInputStream in, SmileKind kind,
            java.util.function.Function<Hyperparameters, P> of,
            java.util.function.BiPredicate<P, smile.classification.DecisionTree[]> shape) throws IOException {
        P params = validParams(() -> of.apply(readParams(in)));
        Object read = readSerialised(in, "trees");
        if (!(read instanceof smile.classification.DecisionTree[] trees) || !SmileImbalanceEnsembleClassifier.valid(trees)
                || treesProblem(trees, trees[0].schema().length()) != null || !shape.test(params, trees)) {
            throw refused("it holds a " + className(read) + ", not the binary trees of " + Quoting.withArticle(kind.kind) + " model of "
                    + params.toHyperparameters());
        }
        return new SmileImbalanceEnsembleClassifier<>(kind, params, trees);
    }

    private static SmileKnnClassifier readKnn(DataInputStream in, Hyperparameters listed) throws IOException {
        KnnParams params = validParams(() -> new KnnParams(in.readInt(), listed.seed()));
        int n = in.readInt();
        int cols = in.readInt();
        if (n < params.k() || cols < 1 || (long) n * cols * Float.BYTES + n != in.available()) {
            throw refused("its " + n + " rows of " + cols + " columns (k=" + params.k() + ") do not match its length");
        }
        float[] rows = new float[n * cols];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = in.readFloat();
            if (!Float.isFinite(rows[i])) {
                throw refused("value " + i + " is not finite");
            }
        }
        int[] labels = new int[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = in.readUnsignedByte();
            if (labels[i] > 1) {
                throw refused("label " + i + " is not 0 or 1");
            }
            positives += labels[i];
        }
        if (positives == 0 || positives == n) {
            throw refused("its rows are not of both classes");
        }
        return new SmileKnnClassifier(rows, cols, labels, params);
    }

    private static SmileSvmClassifier readSvm(DataInputStream in) throws IOException {
        SvmParams params = validParams(() -> SvmParams.of(readParams(in)));
        Object read = readSerialised(in, "model");
        if (!(read instanceof Object[] parts) || parts.length != 2
                || !(parts[0] instanceof smile.classification.SVM<?> svm) || !(parts[1] instanceof smile.classification.PlattScaling platt)
                || !(svm.vectors() instanceof double[][]) || !(svm.kernel() instanceof smile.math.kernel.GaussianKernel
                        || svm.kernel() instanceof smile.math.kernel.LinearKernel)) {
            throw refused("it holds a " + className(read) + ", not an svm with its Platt scaling");
        }
        try {
            @SuppressWarnings("unchecked")
            smile.classification.SVM<double[]> typed = (smile.classification.SVM<double[]>) svm;
            return new SmileSvmClassifier(typed, platt, params);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
    }

    private static SmileMlpClassifier readMlp(DataInputStream in) throws IOException {
        Hyperparameters stored = readParams(in);
        MlpParams params = validParams(() -> MlpParams.of(mlpParams(stored)));
        in.mark(Integer.BYTES);
        int streamLength = in.readInt(); // the network's length, read again by readSerialised
        in.reset();
        Object read = readSerialised(in, "network");
        int features = in.readInt();
        if (!(read instanceof smile.classification.MLP net) || net.numClasses() != 2 || features < 1) {
            throw refused("it holds a " + className(read) + ", not a binary multilayer perceptron");
        }
        String shape = mlpShapeProblem(net, features, streamLength);
        if (shape != null) {
            throw refused("its network is not valid: " + shape);
        }
        try {
            net.predict(new double[features], new double[2]); // the input width must be the one recorded
        } catch (RuntimeException e) {
            throw refused("its network does not take " + features + " inputs: " + e.getMessage());
        }
        return new SmileMlpClassifier(net, params, features);
    }

    /**
     * What is wrong with the layers of {@code net}, or null: each layer's weights must be its output size by its input
     * size, its bias its output size, each layer must take what the one before gives (the first, {@code features}), and
     * all weights together must fit in the {@code bytes} they were read from. Smile sizes a layer's work buffers by the
     * sizes it declares, on first use: a layer declaring 2^31 outputs over a few stored weights would allocate them.
     */
    private static String mlpShapeProblem(smile.model.mlp.MultilayerPerceptron net, int features, long bytes) {
        java.util.List<smile.model.mlp.Layer> layers = new java.util.ArrayList<>();
        try {
            java.lang.reflect.Field hidden = smile.model.mlp.MultilayerPerceptron.class.getDeclaredField("net");
            java.lang.reflect.Field output = smile.model.mlp.MultilayerPerceptron.class.getDeclaredField("output");
            hidden.setAccessible(true);
            output.setAccessible(true);
            smile.model.mlp.Layer[] stack = (smile.model.mlp.Layer[]) hidden.get(net);
            if (stack == null) {
                return "it has no layers";
            }
            layers.addAll(java.util.Arrays.asList(stack));
            layers.add((smile.model.mlp.Layer) output.get(net));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Smile's MultilayerPerceptron has changed: " + e, e);
        }
        long weights = 0;
        int in = features;
        for (int i = 0; i < layers.size(); i++) {
            smile.model.mlp.Layer layer = layers.get(i);
            if (layer == null) {
                return "layer " + i + " is missing";
            }
            int n = layer.getOutputSize();
            int p = layer.getInputSize();
            if (i == 0 && layer instanceof smile.model.mlp.InputLayer) {
                if (n != features) {
                    return "its input layer takes " + n + " features, not " + features;
                }
                continue;
            }
            if (p != in || n < 1) {
                return "layer " + i + " takes " + p + " inputs of " + n + " outputs, after a layer of " + in;
            }
            weights += (long) n * p;
            if (weights > bytes) {
                return "its layers declare more weights than its " + bytes + " bytes hold";
            }
            if (layer.weight() == null || layer.bias() == null || layer.weight().nrow() != n || layer.weight().ncol() != p
                    || layer.bias().size() != n) {
                return "layer " + i + "'s weights are not " + n + " by " + p;
            }
            in = n;
        }
        return null;
    }

    /** Parameters as {@link #writeParams} wrote them; at most {@link #MAX_PARAMS}, no key twice. */
    private static Hyperparameters readParams(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_PARAMS) {
            throw refused("its parameter count " + n + " is out of range");
        }
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            if (map.put(key, in.readUTF()) != null) {
                throw refused("it lists parameter " + key + " twice");
            }
        }
        return Hyperparameters.of(map);
    }

    /**
     * {@code params} with its {@code max-depth} moved by {@code shift} (a value that is not a plain number is left
     * for the validation to refuse). {@code random-forest} and {@code balanced-random-forest} files store the depth as Smile
     * counts it, the root being level 1: that is what the parameter meant until it came to count splits, as every
     * other tree kind's does, and storing it so keeps the files written before that loading as they were.
     */
    private static Hyperparameters shiftDepth(Hyperparameters params, int shift) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>(params.asMap());
        // ASCII digits only: Integer.parseInt would read other scripts' digits, which the validation refuses
        map.computeIfPresent(SmileTreeParams.MAX_DEPTH, (key, value) -> value.matches("[0-9]{1,9}")
                ? Integer.toString(Integer.parseInt(value) + shift) : value);
        return Hyperparameters.of(map);
    }

    /**
     * An {@code mlp}'s parameters as its file stores them: {@code l2} is the {@code lambda} given to Smile's
     * {@code setWeightDecay} ({@link MlpParams#smileWeightDecay}, half the parameter). That is what {@code l2} meant until
     * it came to mean {@code mlp@dl4j}'s coefficient, and storing it so keeps the files written before that loading
     * with the penalty their network was trained with ({@link #mlpParams} reads it back).
     */
    private static Hyperparameters storedMlpParams(Hyperparameters params) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>(params.asMap());
        map.computeIfPresent("l2", (key, value) -> Double.toString(MlpParams.smileWeightDecay(
                dev.rareclass.domain.data.Decimals.parse(value))));
        return Hyperparameters.of(map);
    }

    /**
     * The parameters of a stored {@code mlp} ({@link #storedMlpParams}): {@code l2} twice the stored {@code lambda}, the
     * value a fit gives Smile {@code lambda} for. A file of an earlier build whose {@code lambda} and learning rate made
     * Smile's decay factor exactly 0.9 was trained without decay (Smile's layers skip that factor, which
     * {@code mlp@smile} now refuses): it reads as {@code l2=0}. A value that is no plain number is left for the
     * validation to refuse.
     */
    private static Hyperparameters mlpParams(Hyperparameters stored) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>(stored.asMap());
        double lambda;
        double learningRate;
        try {
            lambda = dev.rareclass.domain.data.Decimals.parse(map.getOrDefault("l2", "0"));
            learningRate = dev.rareclass.domain.data.Decimals.parse(map.getOrDefault("learning-rate", "0"));
        } catch (NumberFormatException e) {
            return stored;
        }
        if (lambda > 0 && 1 - 2.0 * learningRate * lambda == MlpParams.MIN_DECAY_FACTOR) {
            map.put("l2", "0.0");
        } else if (map.containsKey("l2")) {
            map.put("l2", Double.toString(2 * lambda));
        }
        return Hyperparameters.of(map);
    }

    /** Reading stored parameters, the same validation as a user's; a bad one refuses the payload. */
    private static <P> P validParams(IOSupplier<P> read) throws IOException {
        try {
            return read.get();
        } catch (dev.rareclass.domain.error.UsageException | IllegalArgumentException e) {
            throw refused("its parameters are invalid: " + e.getMessage());
        }
    }

    private interface IOSupplier<T> {
        T get() throws IOException;
    }

    /** What is wrong with the decision tree {@code tree} over {@code features} features, or null. */
    private static String treeProblem(smile.classification.DecisionTree tree, int features) {
        return tree == null ? "a tree is missing" : SmileTrees.problem(tree.root(), features, SmileTrees.Leaves.BINARY);
    }

    /** What is wrong with the first of {@code trees}, or null if every one is a valid binary tree. */
    private static String treesProblem(smile.classification.DecisionTree[] trees, int features) {
        if (trees == null || trees.length == 0) {
            return "it has no trees";
        }
        for (int i = 0; i < trees.length; i++) {
            String problem = treeProblem(trees[i], features);
            if (problem != null) {
                return "tree " + i + ": " + problem;
            }
        }
        return null;
    }

    /** What is wrong with the first of a boosting model's regression trees, or null. */
    private static String boostedTreesProblem(smile.classification.GradientTreeBoost model) {
        int features = model.schema().length();
        for (smile.regression.RegressionTree[] round : model.trees()) {
            if (round == null || round.length == 0) {
                return "it has no trees";
            }
            for (smile.regression.RegressionTree tree : round) {
                String problem = tree == null ? "a tree is missing"
                        : SmileTrees.problem(tree.root(), features, SmileTrees.Leaves.REGRESSION);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /**
     * One Java-serialised object, read through {@link #filter} (the allow-list and limits), with {@code java.util.HashMap}
     * read as {@link dev.rareclass.smile.serial.HashMap} (which refuses any key or value that is not a plain value before
     * hashing it). A stream nested deep enough to overflow the stack is refused like any other bad stream.
     */
    private static Object readSerialised(DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw refused("its " + what + " length " + length + " does not match the payload");
        }
        byte[] object = in.readNBytes(length);
        Guard guard = new Guard(length);
        try (ObjectInputStream ois = new GuardedObjectInputStream(new ByteArrayInputStream(object))) {
            ois.setObjectInputFilter(guard);
            return ois.readObject();
        } catch (InvalidClassException e) {
            // thrown by the filter: the class or limit was rejected before an instance was made or an array allocated
            if (guard.rejected == null && e.getMessage() != null && e.getMessage().contains("local class incompatible")) {
                // a class's serialVersionUID differs from this build's: written by another Smile version (or forged)
                throw refused("its " + what + " cannot be read: written by another version of Smile (its class "
                        + e.classname + " is not this build's); train the model again with this build");
            }
            throw refused(guard.rejected != null ? guard.rejected : "its " + what + " cannot be read: " + e.getMessage());
        } catch (ClassNotFoundException e) {
            throw refused("it names an unknown class " + e.getMessage());
        } catch (StackOverflowError e) {
            throw refused("its " + what + " nests too deeply to be read");
        } catch (IOException | RuntimeException e) {
            throw refused("its " + what + " cannot be read (" + describe(e) + ")");
        }
    }

    /** Resolves {@code java.util.HashMap} to the checking {@link dev.rareclass.smile.serial.HashMap}. */
    private static final class GuardedObjectInputStream extends ObjectInputStream {

        GuardedObjectInputStream(java.io.InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (desc.getName().equals("java.util.HashMap")) {
                return dev.rareclass.smile.serial.HashMap.class;
            }
            return super.resolveClass(desc);
        }
    }

    /** An exception for a one-line message: its message, else its simple name. */
    private static String describe(Throwable e) {
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String className(Object read) {
        return read == null ? "null" : read.getClass().getName();
    }

    /**
     * The allow-list: a class is accepted only if it (or an array's element type) is primitive, is one of
     * {@link #ALLOWED} or in one of {@link #ALLOWED_PACKAGES}. Everything else is rejected, as are streams nested deeper
     * than {@link #MAX_DEPTH} and arrays longer than what is left of the stream (a primitive element takes its width
     * in it, any other a byte or more, so no array can be declared larger than the bytes that would fill it: a few
     * bytes cannot ask for gigabytes).
     */
    static ObjectInputFilter filter(long maxBytes) {
        return new Guard(maxBytes);
    }

    /** The filter of one stream, which remembers why it rejected it, for the message. */
    private static final class Guard implements ObjectInputFilter {

        private final long maxBytes;
        private String rejected;

        Guard(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                return reject("it nests objects deeper than " + MAX_DEPTH);
            }
            if (info.arrayLength() >= 0) {
                // the array's elements still have to come in the stream: a primitive one at its own width each (an
                // 8-byte double per double), any other at a byte or more; a longer one is refused before the JVM
                // allocates it, since an allocation of 8 bytes per streamed byte is what a small file could ask for
                long left = maxBytes - Math.max(0, info.streamBytes());
                Class<?> array = info.serialClass();
                long width = array != null && array.isArray() ? streamedWidth(array.getComponentType()) : 1;
                if (info.arrayLength() > left / width) {
                    return reject("it declares an array of " + info.arrayLength() + " elements of " + width
                            + " byte(s) with " + left + " bytes left");
                }
            }
            if (info.references() > maxBytes || info.streamBytes() > maxBytes) {
                return reject("it reads past its " + maxBytes + " bytes");
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED; // a limits-only callback: limits passed above
            }
            while (type.isArray()) {
                type = type.getComponentType();
            }
            return allowed(type) ? Status.ALLOWED
                    : reject("it contains a class a smile model may not contain (" + type.getName() + ")");
        }

        /** Bytes one element of an array of {@code component} takes in a stream, at the least. */
        private static long streamedWidth(Class<?> component) {
            if (component == double.class || component == long.class) {
                return 8;
            }
            if (component == float.class || component == int.class) {
                return 4;
            }
            return component == char.class || component == short.class ? 2 : 1;
        }

        private Status reject(String why) {
            rejected = why;
            return Status.REJECTED;
        }
    }

    private static boolean allowed(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || ALLOWED.contains(name) || ALLOWED_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static DataException refused(String why) {
        return HEADER.refused(why);
    }
}
