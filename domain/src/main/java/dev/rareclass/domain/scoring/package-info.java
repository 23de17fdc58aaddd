/**
 * Scoring rows handed over by a program rather than read from a file: the model's {@link
 * dev.rareclass.domain.scoring.InputSchema} turns column values into a table (the embedding API and the HTTP server
 * both go through it), and {@link dev.rareclass.domain.scoring.ReasonCodes} says which columns moved a row's score.
 */
package dev.rareclass.domain.scoring;
