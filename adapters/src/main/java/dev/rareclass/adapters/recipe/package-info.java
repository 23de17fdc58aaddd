/** Recipes (YAML) and run manifests (JSON). */
package dev.rareclass.adapters.recipe;
