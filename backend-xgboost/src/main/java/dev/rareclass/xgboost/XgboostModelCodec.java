package dev.rareclass.xgboost;

import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
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
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;

/**
 * The XGBoost backend's model format: a header ({@code "RCXG"}, a format version, the model kind), the parameters,
 * the feature count and the rounds that score, the SHA-256 of the booster, then the booster itself in XGBoost's
 * own UBJSON format ({@code Booster.toByteArray("ubj")}), which XGBoost's Python and R packages read as well.
 * Nothing is Java-serialised.
 *
 * <p>Decoding checks everything it can before XGBoost's native parser sees a byte: the header, the parameters, the
 * length (at most {@link #MAX_BOOSTER_BYTES}), the digest (so a damaged booster is refused here even when the
 * file's own checksums were recomputed), that the bytes are one well-formed UBJSON object ({@link UbjsonReader})
 * holding a booster of the shape this backend saves, with sound trees ({@link BoosterCheck}): XGBoost's native
 * code trusts the lengths and node indices it reads and crashes the JVM on forged ones. After loading, XGBoost
 * must agree on the feature count and rounds.
 * Every refusal is a {@link DataException} (exit 65).
 */
public final class XgboostModelCodec implements ModelCodec {

    static final int MAGIC = 0x52435847; // "RCXG": rareclass, XGBoost
    /** 2: {@code max-nodes} after {@code max-depth} (version 1 had no such parameter). */
    static final int VERSION = 2;
    private static final PayloadHeader HEADER = new PayloadHeader(MAGIC, VERSION, "xgboost");
    static final byte GRADIENT_BOOSTING = 1;
    /** The largest booster accepted: far above any model trained here (100 000 trees of depth 6 is ~0.5 GB). */
    static final int MAX_BOOSTER_BYTES = 1 << 30;
    static final int MAX_FEATURES = 100_000_000;

    @Override
    public String backend() {
        return XgboostModule.NAME;
    }

    @Override
    public byte[] encode(TrainedClassifier classifier) {
        XgboostClassifier xgb = HEADER.own(classifier, XgboostClassifier.class);
        byte[] booster = xgb.boosterBytes();
        return HEADER.encode(out -> {
            out.writeByte(GRADIENT_BOOSTING);
            GradientBoostingParams p = xgb.boostingParams();
            out.writeInt(p.trees());
            out.writeInt(p.maxDepth());
            out.writeInt(p.maxNodes());
            out.writeDouble(p.learningRate());
            out.writeDouble(p.subsample());
            out.writeDouble(p.minChildWeight());
            out.writeDouble(p.colsample());
            out.writeDouble(p.lambda());
            out.writeInt(p.earlyStopping());
            out.writeBoolean(p.seed().isPresent());
            out.writeLong(p.seed().orElse(0));
            out.writeInt(p.threads());
            out.writeInt(xgb.featureCount());
            out.writeInt(xgb.rounds());
            out.write(sha256(booster));
            out.writeInt(booster.length);
            out.write(booster);
        }, booster.length + 128);
    }

    /**
     * Reads a payload written by {@link #encode}; the parameters stored in it are used. The manifest's
     * {@code history} is kept with the model for its report.
     */
    @Override
    public TrainedClassifier decode(byte[] bytes, String kind, Hyperparameters params, TrainingHistory history) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int stored = HEADER.read(in, bytes.length, GRADIENT_BOOSTING + 1);
            if (stored != GRADIENT_BOOSTING) {
                throw refused("it holds an unknown xgboost model kind (" + stored + ")");
            }
            if (!GradientBoostingFactory.KIND.equals(kind)) {
                throw refused("it holds a " + GradientBoostingFactory.KIND + " model but the manifest says " + kind);
            }
            GradientBoostingParams p;
            try {
                int trees = in.readInt();
                int maxDepth = in.readInt();
                int maxNodes = in.readInt();
                double learningRate = in.readDouble();
                double subsample = in.readDouble();
                double minChildWeight = in.readDouble();
                double colsample = in.readDouble();
                double lambda = in.readDouble();
                int earlyStopping = in.readInt();
                boolean hasSeed = in.readBoolean();
                long seed = in.readLong();
                p = new GradientBoostingParams(trees, maxDepth, maxNodes, learningRate, subsample, minChildWeight, colsample,
                        lambda, earlyStopping, hasSeed ? OptionalLong.of(seed) : OptionalLong.empty(), in.readInt());
            } catch (UsageException e) {
                throw refused("its parameters are invalid: " + e.getMessage());
            }
            int features = in.readInt();
            if (features < 1 || features > MAX_FEATURES) {
                throw refused("its feature count " + features + " is out of range");
            }
            int rounds = in.readInt();
            if (rounds < 1 || rounds > p.trees()) {
                throw refused("its round count " + rounds + " is not between 1 and its " + p.trees() + " trees");
            }
            byte[] digest = in.readNBytes(32);
            int length = in.readInt();
            if (length < 2 || length > MAX_BOOSTER_BYTES || length != in.available()) {
                throw refused("its booster length " + length + " does not match the payload (or exceeds "
                        + MAX_BOOSTER_BYTES + " bytes)");
            }
            byte[] booster = in.readNBytes(length);
            if (!MessageDigest.isEqual(digest, sha256(booster))) {
                throw refused("its booster is damaged (SHA-256 mismatch)");
            }
            int boosted;
            try {
                boosted = BoosterCheck.check(UbjsonReader.read(booster), features);
            } catch (UbjsonReader.Malformed e) {
                throw refused("its booster is not well-formed UBJSON: " + e.getMessage());
            } catch (BoosterCheck.Invalid e) {
                throw refused("its booster is not one this build saves: " + e.getMessage());
            }
            if (boosted < rounds) {
                throw refused("its booster has " + boosted + " rounds but the model scores with " + rounds);
            }
            return XgboostClassifier.load(booster, p, features, rounds, history);
        } catch (EOFException e) {
            throw refused("it is truncated");
        } catch (IOException e) {
            throw new DataException("cannot read the xgboost model: " + e.getMessage(), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return withoutLogPrefix(nl < 0 ? s : s.substring(0, nl));
    }

    /** XGBoost's log prefix, {@code [00:12:18] /workspace/src/common/json.cc:401: }: a clock time and a build path. */
    private static final java.util.regex.Pattern LOG_PREFIX =
            java.util.regex.Pattern.compile("^\\[\\d{1,2}:\\d{2}:\\d{2}\\] \\S+:\\d+: ");

    /** A native message without {@link #LOG_PREFIX}, which means nothing to the user. */
    static String withoutLogPrefix(String line) {
        return LOG_PREFIX.matcher(line).replaceFirst("");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static DataException refused(String why) {
        return HEADER.refused(why);
    }
}
