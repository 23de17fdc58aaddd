package dev.rareclass.domain.preprocess;

import dev.rareclass.domain.error.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum whose constants users name on the command line and in recipes by their lower-case, dashed name
 * ({@code MIN_MAX} is {@code min-max}).
 */
public interface OptionValue {

    String name();

    /** The name users write. */
    default String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant a user named, in any case.
     *
     * @param option the option that takes it, named in the usage error listing the known values
     */
    static <E extends Enum<E> & OptionValue> E parse(Class<E> type, String key, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equals(key.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new UsageException("unknown " + option + " '" + key + "'; known: "
                + Arrays.stream(type.getEnumConstants()).map(OptionValue::key).collect(Collectors.joining(", ")));
    }
}
