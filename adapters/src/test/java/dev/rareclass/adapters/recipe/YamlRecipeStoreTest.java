package dev.rareclass.adapters.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rareclass.domain.error.DataException;
import dev.rareclass.domain.error.UsageException;
import dev.rareclass.domain.experiment.Recipe;
import dev.rareclass.domain.port.RecipeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe means what its author sees: a key given twice (which Jackson would settle silently, the last one
 * winning) and YAML anchors and aliases (which Jackson reads as the alias's bare name) are usage errors naming the
 * line, before any key is looked at.
 */
class YamlRecipeStoreTest {

    @TempDir
    Path dir;

    private final YamlRecipeStore store = new YamlRecipeStore();

    private static final String DATA = "data:\n  file: t.csv\n  label: y\n  positive: \"1\"\n";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aRecipeOrSpaceOverOneMebibyteIsRefusedWithoutReadingOn() throws IOException {
        // a 2 MB value took 10 s and 2 GB; /dev/zero was read until the heap was full
        Path big = write("big.yaml", DATA + "models: [logistic]\nmetric: \"" + "m".repeat(YamlRecipeStore.MAX_BYTES) + "\"\n");
        assertThatThrownBy(() -> store.read(big)).isInstanceOf(DataException.class)
                .hasMessage(big + ": over 1 MiB; a recipe is a short text file (is this the right file?)");
        assertThatThrownBy(() -> store.readSearchSpace(big)).isInstanceOf(DataException.class)
                .hasMessageContaining("a search space is a short text file");
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            assertThatThrownBy(() -> store.read(zero)).isInstanceOf(DataException.class).hasMessageContaining("over 1 MiB");
        }
        Path justUnder = write("under.yaml", DATA + "models: [logistic]\n# " + "c".repeat(YamlRecipeStore.MAX_BYTES - 400) + "\n");
        assertThat(store.read(justUnder).recipe().plan().candidates()).hasSize(1);
    }

    @Test
    void yamlsNanAndInfinityAreWrongValuesNamingTheLineNotAnUnreadableFile() throws IOException {
        // they were "not a readable recipe (Malformed numeric value '.nan')", exit 65
        Path nan = write("nan.yaml", DATA + "models: [logistic]\nvalidation-split: .nan\n");
        assertThatThrownBy(() -> store.read(nan)).isInstanceOf(UsageException.class)
                .hasMessage(nan + ", line 6: '.nan' is not a finite number; a recipe takes finite numbers only");
        Path inf = write("inf.yaml", "trees: {uniform: [0, -.Inf]}\n");
        assertThatThrownBy(() -> store.readSearchSpace(inf)).isInstanceOf(UsageException.class)
                .hasMessageContaining("line 1: '-.Inf' is not a finite number; a search space");
    }

    @Test
    void aRecipeOrSpaceThatIsNotUtf8IsRefusedNamingTheLineNotAJavaException() throws IOException {
        // they were "not a readable recipe (java.io.CharConversionException: Invalid UTF-8 start byte 0xff ...)"
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, (DATA + "models: [logistic]\n# caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> store.read(latin1)).isInstanceOf(DataException.class)
                .hasMessage(latin1 + ", line 6: the recipe is not UTF-8 text (byte 0xe9); save it as UTF-8");
        Path utf16 = dir.resolve("utf16.yaml");
        Files.write(utf16, "trees: [3, 5]\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertThatThrownBy(() -> store.readSearchSpace(utf16)).isInstanceOf(DataException.class)
                .hasMessage(utf16 + ", line 1: the search space is not UTF-8 text (byte 0xfe); save it as UTF-8");
    }

    @Test
    void aPlainRecipeReadsAndStarsOrAmpersandsInQuotedValuesAreText() throws IOException {
        Path r = write("ok.yaml", DATA + "  drop: [\"*notes\", \"&id\"]\nmodels: [logistic]\nsplit: {kind: kfold, folds: 3}\n");
        Recipe recipe = store.read(r).recipe();
        assertThat(recipe.data().drop()).containsExactly("*notes", "&id");
    }

    /** The deploy prevalence of the prior correction: read, kept in a run's manifest form, refused out of range. */
    @Test
    void aDeployPrevalenceIsReadAndAnImpossibleOneNamesTheField() throws IOException {
        Path ok = write("deploy.yaml", DATA + "models: [logistic]\ndeploy-prevalence: 0.005\n");
        assertThat(store.read(ok).recipe().plan().fit().deployPrevalence()).isEqualTo(0.005);
        Path none = write("none.yaml", DATA + "models: [logistic]\n");
        assertThat(store.read(none).recipe().plan().fit().deployPrevalence()).isZero();
        Path bad = write("bad.yaml", DATA + "models: [logistic]\ndeploy-prevalence: 1.5\n");
        assertThatThrownBy(() -> store.read(bad)).isInstanceOf(UsageException.class)
                .hasMessageContaining("deploy-prevalence must be a fraction in (0, 1), got '1.5'");
        // 0 was read as no deploy prevalence at all, where --deploy-prevalence 0 is refused
        Path zero = write("zero.yaml", DATA + "models: [logistic]\ndeploy-prevalence: 0\n");
        assertThatThrownBy(() -> store.read(zero)).isInstanceOf(UsageException.class)
                .hasMessageContaining("deploy-prevalence must be a fraction in (0, 1), got '0'");
    }

    /**
     * Plain values YAML 1.1 reads otherwise than they show are refused naming their line: seed: 017 ran with seed 15,
     * positive: yes looked for the label value 'true'. Quoted, each is the text it shows.
     */
    @Test
    void valuesYamlReadsOtherwiseThanTheyShowAreRefused() throws IOException {
        String base = "data:\n  file: t.csv\n  label: y\n";
        for (String[] c : new String[][] {
                {"  positive: \"1\"\nseed: 017\n", "line 5: '017' is not read as it shows", "octal"},
                {"  positive: \"1\"\nseed: 0x1\n", "line 5: '0x1'", "plain decimals"},
                {"  positive: \"1\"\nseed: 0b101\n", "line 5: '0b101'", "plain decimals"},
                {"  positive: \"1\"\nseed: 1_000\n", "line 5: '1_000'", "plain decimals"},
                {"  positive: \"1\"\nseed: 1:30\n", "line 5: '1:30'", "plain decimals"},
                {"  positive: yes\n", "line 4: 'yes' is not read as it shows", "true or false"},
                {"  positive: \"1\"\n  drop: [Off]\n", "line 5: 'Off'", "quote it ('Off')"}}) {
            Path file = write("yaml11.yaml", base + c[0] + "models: [logistic]\n");
            assertThatThrownBy(() -> store.read(file)).as(c[0]).isInstanceOf(UsageException.class)
                    .hasMessageContaining(c[1]).hasMessageContaining(c[2]);
        }
        for (String tagged : new String[] {"seed: !custom 3\n", "seed: !!int 3\n", "preprocessing: !!java.util.HashMap {}\n"}) {
            Path file = write("tagged.yaml", base + "  positive: '1'\n" + tagged + "models: [logistic]\n");
            assertThatThrownBy(() -> store.read(file)).as(tagged).isInstanceOf(UsageException.class)
                    .hasMessageContaining("line 5: '!").hasMessageContaining("is a YAML tag");
        }
        Path quoted = write("quoted.yaml", base + "  positive: 'yes'\nseed: 17\nmodels: [logistic]\n");
        assertThat(store.read(quoted).recipe().data().positive()).contains("yes");
        assertThat(store.read(quoted).recipe().plan().fit().seed()).isEqualTo(17);
    }

    /**
     * A key or value with a line break (a quoted "\n", a literal block, a JSON "\r") is refused naming its line: it was
     * quoted whole into a message broken over several lines. A tab (a delimiter) is a value as meant.
     */
    @Test
    void aKeyOrValueWithALineBreakIsRefusedNamingItsLine() throws IOException {
        String base = "data:\n  file: t.csv\n";
        for (String[] c : new String[][] {
                {base + "  label: \"ev\\nent\"\n  positive: '1'\nmodels: [logistic]\n", "line 3: data.label 'ev?ent' holds a line break"},
                {base + "  label: y\n  positive: '1'\nmodels: [\"logistic\\r\\nx\"]\n", "line 5: models[0] 'logistic??x' holds a line break"},
                {base + "  label: |\n    a\n    b\n  positive: '1'\nmodels: [logistic]\n", "line 3: data.label 'a?b?' holds a line break"},
                {base + "  label: y\n  positive: '1'\n\"mod\\nels\": [logistic]\n", "line 5: a key in the recipe 'mod?els' holds a line break"}}) {
            Path file = write("broken.yaml", c[0]);
            assertThatThrownBy(() -> store.read(file)).as(c[0]).isInstanceOf(UsageException.class)
                    .hasMessageContaining(c[1]).hasMessageContaining("one line of text").hasMessageNotContaining("\n");
        }
        Path json = write("broken.json", "{\"data\": {\"file\": \"t.csv\", \"label\": \"y\",\n \"positive\": \"1\\r\"},"
                + " \"models\": [\"logistic\"]}\n");
        assertThatThrownBy(() -> store.read(json)).isInstanceOf(UsageException.class)
                .hasMessageContaining(json + ", line 2: data.positive '1?' holds a line break");
        Path tab = write("tab.yaml", base + "  label: y\n  positive: '1'\n  delimiter: \"\\t\"\nmodels: [logistic]\n");
        assertThat(store.read(tab).recipe().data().delimiter()).contains('\t');
    }

    /** A file the parser cannot read names the line and column where it stopped, in the parser's words alone. */
    @Test
    void anUnreadableFileNamesWhereTheParserStopped() throws IOException {
        Path tab = write("tab.yaml", "data:\n  file: x.csv\n\tlabel: y\n");
        assertThatThrownBy(() -> store.read(tab)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(tab + ", line 3, column 1: not a readable recipe (")
                .hasMessageContaining("TAB").hasMessageNotContaining("\n");
        Path cut = write("cut.json", "{\"recipe\": {\"data\": {\"file\": \"x");
        assertThatThrownBy(() -> store.read(cut)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(cut + ", line 1, column ").hasMessageContaining("end-of-input");
        Path complex = write("complex.yaml", DATA + "? [a, b]\n: 3\n");
        assertThatThrownBy(() -> store.read(complex)).isInstanceOf(DataException.class)
                .hasMessageContaining(", line 5").hasMessageNotContaining("org.yaml");
        Path folder = Files.createDirectories(dir.resolve("folder.yaml"));
        assertThatThrownBy(() -> store.read(folder)).isInstanceOf(dev.rareclass.domain.error.InputMissingException.class)
                .hasMessage(folder + ": is a folder, not a recipe file");
    }

    /**
     * A key over 1,024 characters: SnakeYAML gives up on it and said it "could not find expected ':'" (or, in a flow
     * mapping, "expected ',' or '}', but got :") at the very ':' it ends with.
     */
    @Test
    void aKeyTooLongForYamlIsSaidToBeTooLongNotToLackItsColon() throws IOException {
        String key = "k".repeat(1100);
        String tooLong = "a key longer than 1,024 characters, more than YAML reads before its ':'; the keys of a ";
        Path block = write("longkey.yaml", DATA + key + ": 1\n");
        assertThatThrownBy(() -> store.read(block)).isInstanceOf(DataException.class)
                .hasMessage(block + ", line 5, column 1101: not a readable recipe (" + tooLong + "recipe are short names)");
        Path flow = write("longflow.yaml", "data: {file: x.csv, " + key + ": 1}\n");
        assertThatThrownBy(() -> store.read(flow)).isInstanceOf(DataException.class)
                .hasMessageContaining(tooLong + "recipe are short names");
        Path space = write("longspace.yaml", key + ": [1, 2]\n");
        assertThatThrownBy(() -> store.readSearchSpace(space)).isInstanceOf(DataException.class)
                .hasMessageContaining(tooLong + "search space are short names");
        // a key of 1,000 characters is read (and refused as a field the recipe does not have)
        Path read = write("readkey.yaml", DATA + "k".repeat(1000) + ": 1\n");
        assertThatThrownBy(() -> store.read(read)).hasMessageNotContaining("1,024");
    }

    /** Jackson's nesting limit is said in the user's words: its message named the Java method that sets it. */
    @Test
    void aDocumentNestedPastTheLimitIsRefusedWithoutNamingJacksonsApi() throws IOException {
        Path deep = write("deep.yaml", DATA + "models: " + "[".repeat(1500) + "]".repeat(1500) + "\n");
        assertThatThrownBy(() -> store.read(deep)).isInstanceOf(DataException.class)
                .hasMessage(deep + ": not a readable recipe (Document nesting depth (1001) exceeds the maximum allowed "
                        + "(1000))");
        Path space = write("deep-space.yaml", "k: " + "{a: ".repeat(1500) + "1" + "}".repeat(1500) + "\n");
        assertThatThrownBy(() -> store.readSearchSpace(space)).isInstanceOf(DataException.class)
                .hasMessageContaining("exceeds the maximum allowed (1000))").hasMessageNotContaining("StreamReadConstraints");
    }

    /**
     * An empty file name is the working folder: {@code run ''} and {@code --space ''} were refused as "': is a folder"
     * (exit 66), and a recipe's {@code file: ''} as its own folder not being a table. Each is a usage error saying so.
     */
    @Test
    void anEmptyFileNameIsAUsageErrorSayingSo() throws IOException {
        assertThatThrownBy(() -> store.read(Path.of(""))).isInstanceOf(UsageException.class)
                .hasMessage("a recipe needs a file name (got an empty one)");
        assertThatThrownBy(() -> store.readSearchSpace(Path.of(""))).isInstanceOf(UsageException.class)
                .hasMessage("a search space needs a file name (got an empty one)");
        for (String empty : new String[] {"''", "' '"}) {
            Path r = write("empty-file.yaml", "data:\n  file: " + empty + "\n  label: y\n  positive: '1'\nmodels: [logistic]\n");
            assertThatThrownBy(() -> store.read(r)).as(empty).isInstanceOf(UsageException.class)
                    .hasMessage(r + ": data.file is empty; give the data file's path");
        }
    }

    @Test
    void aControlCharacterInAModelParameterOrASearchedValueIsRefusedNamingTheField() throws IOException {
        Path r = write("control.yaml", DATA + "models: [{model: knn, params: {k: \"3\\u0001\"}}]\n");
        assertThatThrownBy(() -> store.read(r)).isInstanceOf(UsageException.class)
                .hasMessage(r + ": models.knn.params: parameter k=3? holds a control character (U+0001); write the value "
                        + "without it");
        Path space = write("control-space.yaml", "k: [3, \"3\\nx\"]\n");
        assertThatThrownBy(() -> store.readSearchSpace(space)).isInstanceOf(UsageException.class)
                .hasMessage(space + ", line 1: k[1] '3?x' holds a line break; a search space takes each key and value as one line "
                        + "of text");
    }

    /** The search's own limit was said of "--trials", an option the recipe's user never typed, under "tune.space". */
    @Test
    void tooManyTrialsAreRefusedNamingTuneTrials() throws IOException {
        Path r = write("trials.yaml", DATA + "tune: {model: knn, trials: 1000000000, space: {k: [3, 5]}}\n");
        assertThatThrownBy(() -> store.read(r)).isInstanceOf(UsageException.class)
                .hasMessage(r + ": tune.trials must be from 1 to 100,000, got 1000000000");
    }

    /** A key beside "space:" made space a parameter: "space.space: 'k' is not uniform, log-uniform or int". */
    @Test
    void aKeyBesideSpaceInASearchSpaceFileIsRefusedNamingIt() throws IOException {
        Path f = write("space.yaml", "space: {k: [3, 5]}\nseed: [1, 2]\n");
        assertThatThrownBy(() -> store.readSearchSpace(f)).isInstanceOf(UsageException.class)
                .hasMessage(f + ": 'space' holds the parameters searched, so no key stands beside it; move seed into it, or "
                        + "write the parameters without 'space'");
        assertThat(store.readSearchSpace(write("wrapped.yaml", "space: {k: [3, 5], seed: [1, 2]}\n")).params())
                .hasSize(2);
    }

    @Test
    void anAliasIsRefusedNamingItsLine() throws IOException {
        // before: Jackson read *three as the text "three": "split.folds must be an integer, got 'three'"
        Path r = write("alias.yaml", DATA + "models: [logistic]\nsplit: {kind: kfold, folds: *three}\n");
        assertThatThrownBy(() -> store.read(r)).isInstanceOf(UsageException.class)
                .hasMessage(r + ", line 6: '*three' is a YAML alias; a recipe takes no anchors (&) or aliases (*): "
                        + "write the value out where it is used");
    }

    /** A format key is a run manifest's: another value is named as such, not as an unknown recipe key. */
    @Test
    void aManifestOfAnotherFormatIsNamedAsOne() throws IOException {
        Path future = write("future.json", "{\"format\": \"rareclass-run-manifest/2\", \"recipe\": {}}\n");
        assertThatThrownBy(() -> store.read(future)).isInstanceOf(DataException.class)
                .hasMessage(future + ": format \"rareclass-run-manifest/2\" is not a run manifest this rareclass reads (a run "
                        + "manifest says format: rareclass-run-manifest; a recipe has no format key)");
        Path recipe = write("format.yaml", DATA + "models: [logistic]\nformat: 3\n");
        assertThatThrownBy(() -> store.read(recipe)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(recipe + ": format 3 is not a run manifest");
    }

    /** Jackson reads a file's first document (or JSON value) only: the settings after it were left out silently. */
    @Test
    void aSecondDocumentIsRefusedNamingItsLine() throws IOException {
        Path yaml = write("two.yaml", DATA + "models: [logistic]\n---\nsplit: {kind: kfold, folds: 3}\n");
        assertThatThrownBy(() -> store.read(yaml)).isInstanceOf(UsageException.class)
                .hasMessage(yaml + ", line 6: a second YAML document begins here; a recipe is one document: remove the "
                        + "'---' line, or put the settings after it in a file of their own");
        Path space = write("two-space.yaml", "trees: {int: [10, 50]}\n---\nmax-depth: {int: [2, 8]}\n");
        assertThatThrownBy(() -> store.readSearchSpace(space)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith(space + ", line 2: a second YAML document begins here; a search space is one");
        Path json = write("two.json", "{\"data\": {\"file\": \"t.csv\", \"label\": \"y\", \"positive\": \"1\"},\n"
                + " \"models\": [\"logistic\"]}\n{\"seed\": 3}\n");
        assertThatThrownBy(() -> store.read(json)).isInstanceOf(UsageException.class)
                .hasMessage(json + ", line 3: a second JSON value begins here; a recipe is one JSON object");
        // one document, with its optional markers, and trailing white space after a JSON object still read
        Path marked = write("marked.yaml", "---\n" + DATA + "models: [logistic]\n...\n");
        assertThat(store.read(marked).recipe().plan().candidates()).hasSize(1);
        Path spaced = write("spaced.json", "{\"data\": {\"file\": \"t.csv\", \"label\": \"y\", \"positive\": \"1\"},"
                + " \"models\": [\"logistic\"]}\n\n  \n");
        assertThat(store.read(spaced).recipe().plan().candidates()).hasSize(1);
    }

    @Test
    void anAnchorIsRefusedNamingItsLineEvenOnASingleValueThatNoAliasUses() throws IOException {
        Path r = write("anchor.yaml", DATA + "models: [logistic]\nseed: &s 7\n");
        assertThatThrownBy(() -> store.read(r)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith(r + ", line 6: '&s' is a YAML anchor;");
    }

    @Test
    void parametersSharedThroughAnAnchorAreRefusedAtTheAnchor() throws IOException {
        Path r = write("shared.yaml", DATA + """
                models:
                  - model: random-forest
                    params: &small
                      trees: 20
                  - model: decision-tree
                    params: *small
                """);
        assertThatThrownBy(() -> store.read(r)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith(r + ", line 7: '&small' is a YAML anchor");
    }

    @Test
    void aMergeKeyIsRefused() throws IOException {
        Path r = write("merge.yaml", "defaults: &d {kind: kfold, folds: 2}\n" + DATA
                + "models: [logistic]\nsplit:\n  <<: *d\n  repeats: 2\n");
        assertThatThrownBy(() -> store.read(r)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith(r + ", line 1: '&d' is a YAML anchor");
    }

    @Test
    void aTopLevelKeyGivenTwiceIsRefusedNamingBothLines() throws IOException {
        // before: the second models list won silently
        Path r = write("twice.yaml", DATA + "models: [logistic]\nmodels: [random-forest]\n");
        assertThatThrownBy(() -> store.read(r)).isInstanceOf(UsageException.class)
                .hasMessage(r + ", line 6: key 'models' is given twice in the recipe (first on line 5); give each key once");
    }

    @Test
    void aNestedKeyGivenTwiceIsRefusedNamingWhereItIs() throws IOException {
        Path split = write("split.yaml", DATA + "models: [logistic]\nsplit:\n  kind: kfold\n  folds: 2\n  folds: 3\n");
        assertThatThrownBy(() -> store.read(split)).isInstanceOf(UsageException.class)
                .hasMessage(split + ", line 9: key 'folds' is given twice in split (first on line 8); give each key once");
        Path params = write("params.yaml", DATA + """
                models:
                  - logistic
                  - model: random-forest
                    params: {trees: 10, max-depth: 3, trees: 20}
                """);
        assertThatThrownBy(() -> store.read(params)).isInstanceOf(UsageException.class)
                .hasMessageContaining("line 8: key 'trees' is given twice in models[1].params (first on line 8)");
        Path data = write("data.yaml", "data:\n  file: t.csv\n  label: y\n  label: z\n  positive: \"1\"\nmodels: [logistic]\n");
        assertThatThrownBy(() -> store.read(data)).isInstanceOf(UsageException.class)
                .hasMessageContaining("line 4: key 'label' is given twice in data (first on line 3)");
        Path space = write("space.yaml", DATA + """
                tune:
                  model: random-forest
                  space:
                    trees: [3, 5]
                    max-depth: [2, 4]
                    trees: [7]
                """);
        assertThatThrownBy(() -> store.read(space)).isInstanceOf(UsageException.class)
                .hasMessageContaining("line 10: key 'trees' is given twice in tune.space (first on line 8)");
    }

    @Test
    void theSameKeyInTwoMappingsIsFine() throws IOException {
        Path r = write("two.yaml", DATA + """
                models:
                  - model: random-forest
                    params: {trees: 10}
                  - model: gradient-boosting
                    params: {trees: 10}
                """);
        assertThat(store.read(r).recipe().plan().candidates()).hasSize(2);
    }

    @Test
    void aManifestWithAKeyGivenTwiceIsRefused() throws IOException {
        Path m = write("manifest.json", """
                {"format": "rareclass-run-manifest", "data_sha256": "%s",
                 "recipe": {"data": {"file": "t.csv", "label": "y", "positive": "1"},
                            "models": ["logistic"], "seed": 1, "seed": 2}}
                """.formatted("0".repeat(64)));
        assertThatThrownBy(() -> store.read(m)).isInstanceOf(UsageException.class)
                .hasMessage(m + ", line 3: key 'seed' is given twice in recipe (first on line 3); give each key once");
    }

    /** A recipe's models beside its tune section: the tuned model alone (named with or without its backend) reads. */
    @Test
    void modelsBesideTuneMayNameTheTunedModelOnly() throws IOException {
        String tune = "tune: {model: random-forest@smile, space: {trees: [3, 5]}}\n";
        Path same = write("same.yaml", DATA + "models: [random-forest]\n" + tune);
        assertThat(store.read(same).recipe().tune()).isPresent();
        Path other = write("other.yaml", DATA + "models: [random-forest, knn]\n" + tune);
        assertThatThrownBy(() -> store.read(other)).isInstanceOf(UsageException.class)
                .hasMessageContaining("searches tune.model (random-forest@smile) alone").hasMessageContaining("knn");
    }

    /** A manifest keeps its run's name when run again, and one of a later version is not run as if it were this one. */
    @Test
    void aManifestKeepsItsNameAndItsVersionIsChecked() throws IOException {
        String manifest = """
                {"format": "rareclass-run-manifest", "version": %s, "name": "creditcard", "data_sha256": "%s",
                 "recipe": {"data": {"file": "t.csv", "label": "y", "positive": "1"}, "models": ["logistic"]}}
                """;
        Path ok = write("manifest.json", manifest.formatted("1", "0".repeat(64)));
        assertThat(store.read(ok).recipe().name()).isEqualTo("creditcard");
        Path later = write("later.json", manifest.formatted("99", "0".repeat(64)));
        assertThatThrownBy(() -> store.read(later)).isInstanceOf(DataException.class)
                .hasMessage(later + ": run manifest version 99 is not one this rareclass reads (version 1)");
    }

    @Test
    void aSearchSpaceIsHeldToTheSameRules() throws IOException {
        RecipeStore s = store;
        Path twice = write("twice-space.yaml", "trees: [3, 5]\ntrees: [7]\n");
        assertThatThrownBy(() -> s.readSearchSpace(twice)).isInstanceOf(UsageException.class)
                .hasMessage(twice + ", line 2: key 'trees' is given twice in the search space (first on line 1); "
                        + "give each key once");
        Path alias = write("alias-space.yaml", "trees: &t [3, 5]\nmax-nodes: *t\n");
        assertThatThrownBy(() -> s.readSearchSpace(alias)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith(alias + ", line 1: '&t' is a YAML anchor; a search space takes no anchors");
    }

    @Test
    void aSpaceFileNamingNoParameterIsOneUsageErrorWhetherEmptyOrAnEmptyMapping() throws IOException {
        // a 0-byte file exited 65 ("a search space maps each parameter ...") and {} exited 2 ("the search space is empty")
        for (String text : new String[] {"", "# to do\n", "{}\n", "space: {}\n", "space:\n"}) {
            Path f = write("nothing.yaml", text);
            assertThatThrownBy(() -> store.readSearchSpace(f)).as("'%s'", text).isInstanceOf(UsageException.class)
                    .hasMessage(f + ": the search space names no parameter; map each parameter to a list of values or "
                            + "{uniform|log-uniform|int: [low, high]}");
        }
    }

    @Test
    void maxCategoriesIsReadCheckedAndWrittenToTheManifest() throws IOException {
        Path r = write("cap.yaml", DATA + "models: [logistic]\npreprocessing: {max-categories: 5000}\n");
        Recipe recipe = store.read(r).recipe();
        assertThat(recipe.plan().fit().preprocessing().maxCategories()).isEqualTo(5000);
        ObjectNode resolved = YamlRecipeStore.resolved(recipe);
        assertThat(resolved.path("preprocessing").path("max-categories").asInt()).isEqualTo(5000);
        Path plain = write("plain.yaml", DATA + "models: [logistic]\n");
        assertThat(YamlRecipeStore.resolved(store.read(plain).recipe()).path("preprocessing").path("max-categories")
                .asInt()).isEqualTo(1000);
        Path zero = write("zero.yaml", DATA + "models: [logistic]\npreprocessing: {max-categories: 0}\n");
        assertThatThrownBy(() -> store.read(zero)).isInstanceOf(UsageException.class)
                .hasMessageContaining("preprocessing.max-categories must be 1 or more, got 0");
    }

    /** engine: spark (or its block with master and conf) runs the recipe on the Spark engine, and the manifest keeps it. */
    @Test
    void anEngineIsReadInBothFormsKeptInTheManifestAndCheckedByName() throws IOException {
        Path plain = write("plain.yaml", DATA + "models: [logistic]\n");
        assertThat(store.read(plain).recipe().engine()).isEmpty();
        // local, as the contract names the in-memory engine; memory, its older name, still reads
        Path local = write("local.yaml", DATA + "models: [logistic]\nengine: local\n");
        assertThat(store.read(local).recipe().engine()).isEmpty();
        Path memory = write("memory.yaml", DATA + "models: [logistic]\nengine: {name: memory}\n");
        assertThat(store.read(memory).recipe().engine()).isEmpty();
        Path shortForm = write("short.yaml", DATA + "models: [logistic]\nengine: spark\n");
        assertThat(store.read(shortForm).recipe().engine()).hasValueSatisfying(e -> {
            assertThat(e.engine()).isEqualTo("spark");
            assertThat(e.master()).isEmpty();
        });
        Path block = write("block.yaml", DATA + "models: [logistic]\nengine:\n  name: spark\n"
                + "  master: spark://10.0.0.5:7077\n  conf: {spark.executor.memory: 2g, spark.cores.max: 8}\n");
        Recipe recipe = store.read(block).recipe();
        assertThat(recipe.engine()).hasValueSatisfying(e -> {
            assertThat(e.master()).contains("spark://10.0.0.5:7077");
            assertThat(e.conf()).containsEntry("spark.executor.memory", "2g").containsEntry("spark.cores.max", "8");
        });
        ObjectNode resolved = YamlRecipeStore.resolved(recipe);
        assertThat(resolved.path("engine").path("name").asText()).isEqualTo("spark");
        assertThat(resolved.path("engine").path("conf").path("spark.cores.max").asText()).isEqualTo("8");
        assertThat(YamlRecipeStore.resolved(store.read(plain).recipe()).has("engine")).isFalse();

        Path unknown = write("dask.yaml", DATA + "models: [logistic]\nengine: dask\n");
        assertThatThrownBy(() -> store.read(unknown)).isInstanceOf(UsageException.class)
                .hasMessageContaining("engine dask: engines are local and spark");
        Path typo = write("typo.yaml", DATA + "models: [logistic]\nengine: {name: spark, mastr: local}\n");
        assertThatThrownBy(() -> store.read(typo)).isInstanceOf(UsageException.class).hasMessageContaining("mastr");
        Path masterInMemory = write("mm.yaml", DATA + "models: [logistic]\nengine: {master: local}\n");
        assertThatThrownBy(() -> store.read(masterInMemory)).isInstanceOf(UsageException.class)
                .hasMessageContaining("engine.master and engine.conf need engine.name: spark");
    }
}
