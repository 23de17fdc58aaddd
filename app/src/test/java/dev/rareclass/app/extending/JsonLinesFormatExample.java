package dev.rareclass.app.extending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import dev.rareclass.adapters.AdaptersModule;
import dev.rareclass.domain.data.Column;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.data.LabelMapping;
import dev.rareclass.domain.data.LabelledScores;
import dev.rareclass.domain.data.Labels;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.InputMissingException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.port.TableSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * docs/EXTENDING.md, "A new file format": JSON Lines ({@code .jsonl}), one object of numbers per line plus
 * the label. A reader implementing {@link TableSource}, and a module that registers its name and extension.
 * (A real reader would stream and honour every data option; this one shows the shape.)
 */
public final class JsonLinesFormatExample {

    private JsonLinesFormatExample() {
    }

    static final class Reader implements TableSource {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Table read(DataOptions options) {
            String label = options.label().orElseThrow(() -> new UsageException("jsonl needs --label"));
            String positive = options.positive().orElseThrow(() -> new UsageException("jsonl needs --positive"));
            List<String> lines;
            try {
                lines = Files.readAllLines(options.file()).stream().filter(l -> !l.isBlank()).toList();
            } catch (NoSuchFileException e) {
                throw new InputMissingException(options.file() + ": no such file", e);
            } catch (IOException e) {
                throw new InputMissingException(options.file() + ": cannot read (" + e.getMessage() + ")", e);
            }
            if (lines.isEmpty()) {
                throw new DataException(options.file() + ": the file is empty");
            }
            List<String> names = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            int[] y = new int[lines.size()];
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (int r = 0; r < lines.size(); r++) {
                JsonNode row;
                try {
                    row = JSON.readTree(lines.get(r));
                } catch (IOException e) {
                    throw DataException.at(options.file().toString(), r + 1, null, "not a JSON object");
                }
                if (r == 0) {
                    row.fieldNames().forEachRemaining(f -> {
                        if (!f.equals(label) && !options.drop().contains(f)) {
                            names.add(f);
                            values.add(new float[lines.size()]);
                        }
                    });
                }
                for (int c = 0; c < names.size(); c++) {
                    JsonNode v = row.get(names.get(c));
                    if (v == null || !v.isNumber()) {
                        throw DataException.at(options.file().toString(), r + 1, "'" + names.get(c) + "'", "not a number");
                    }
                    values.get(c)[r] = v.floatValue();
                }
                String value = row.path(label).asText();
                seen.add(value);
                y[r] = value.equals(positive) ? 1 : 0;
            }
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                columns.add(new NumericColumn(names.get(c), values.get(c)));
            }
            int[] rowNumbers = java.util.stream.IntStream.rangeClosed(1, lines.size()).toArray();
            return new Table(options.file().toString(), columns, Labels.wrap(y),
                    LabelMapping.fromValues(label, positive, seen), rowNumbers, List.of());
        }

        @Override
        public Table readOptionallyLabelled(DataOptions options) {
            return read(options);
        }

        @Override
        public LabelledScores readScores(DataOptions options, String scoreColumn) {
            throw new UsageException("score reads CSV or TSV files");
        }
    }

    /** Registers the reader under the name {@code jsonl} and the extension {@code .jsonl}. */
    public static final class Module extends AbstractModule {
        @Override
        protected void configure() {
            AdaptersModule.formats(binder()).addBinding("jsonl").to(Reader.class);
            AdaptersModule.extensions(binder()).addBinding(".jsonl").toInstance("jsonl");
        }
    }
}
