package dev.rareclass.app.extending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import dev.rareclass.adapters.AdaptersModule;
import dev.rareclass.adapters.format.ParsedTableSource;
import dev.rareclass.adapters.format.RawTable;
import dev.rareclass.adapters.format.TextRows;
import dev.rareclass.adapters.io.InputFiles;
import dev.rareclass.domain.data.DataOptions;
import dev.rareclass.domain.error.DataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * docs/EXTENDING.md, "A new file format": JSON Lines ({@code .jsonl}, also {@code .jsonl.gz}), one object a
 * line; the first object's fields are the columns. The reader only parses: it names the columns and hands
 * each line's values, as text, to {@link TextRows}. The data options (label and positive value,
 * {@code --drop}, {@code --categorical}, {@code --text}, {@code --missing}, {@code --shift-labels}) are applied
 * by the shared step, as for the built-in formats. A field that is absent or {@code null} is a missing value.
 */
public final class JsonLinesFormatExample {

    private JsonLinesFormatExample() {
    }

    static final class Reader extends ParsedTableSource {
        private static final ObjectMapper JSON = new ObjectMapper();

        Reader() {
            super("JSON Lines", Optional.empty()); // the name for messages; no column is the label by itself
        }

        @Override
        protected RawTable parse(DataOptions options, TextRows.Start start) {
            String file = options.file().toString();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(InputFiles.open(options.file()), StandardCharsets.UTF_8))) {
                TextRows rows = null;
                List<String> names = new ArrayList<>();
                long lineNo = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode object = object(file, lineNo, line);
                    if (rows == null) {
                        object.fieldNames().forEachRemaining(names::add);
                        rows = start.columns(names);
                    }
                    if (!rows.row(lineNo, c -> text(object.get(names.get(c))))) {
                        break; // a row the data options refuse: the shared step reports it
                    }
                }
                if (rows == null) {
                    throw new DataException(file + ": the file is empty");
                }
                return rows.table(List.of());
            } catch (IOException | UncheckedIOException e) {
                throw InputFiles.failure(file, e);
            }
        }

        private static JsonNode object(String file, long lineNo, String line) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node.isObject()) {
                    return node;
                }
            } catch (JsonProcessingException e) {
                // reported below
            }
            throw DataException.at(file, lineNo, null, "not a JSON object");
        }

        /** A value as the text a CSV field would hold: "" for an absent field or null. */
        private static String text(JsonNode value) {
            return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
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
