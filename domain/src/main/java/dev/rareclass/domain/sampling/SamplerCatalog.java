package dev.rareclass.domain.sampling;

import java.util.List;

/** Finds samplers by name; {@code none} is always there and changes nothing. */
public interface SamplerCatalog {

    String NONE = "none";

    /** @throws dev.rareclass.domain.error.UsageException listing the known names */
    SamplerFactory find(String name);

    List<String> names();
}
