package dev.rareclass.domain.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rareclass.domain.data.FeatureMatrix;
import dev.rareclass.domain.data.NumericColumn;
import dev.rareclass.domain.data.SparseRows;
import dev.rareclass.domain.data.Table;
import dev.rareclass.domain.data.TextColumn;
import dev.rareclass.domain.error.DataException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextTransformTest {

    static final String[] DOCS = {"The cat sat on the mat.", "A dog, a cat: 2 pets!", "Naïve café-goers ate 42 crêpes",
        "the THE The", "x y z"};

    @Test
    void vocabularyAndEncodingMatchScikitLearnsBinaryCountVectorizer() {
        // CountVectorizer(max_features=6, binary=True).fit(DOCS): vocabulary_ sorted by id
        TextTransform t = TextTransform.fit(new TextColumn("text", DOCS), 6);
        assertThat(t.vocabulary()).containsExactly("42", "ate", "café", "cat", "crêpes", "the");
        SparseRows rows = t.transform(new TextColumn("text", DOCS));
        // .transform(DOCS).toarray()
        float[][] expected = {{0, 0, 0, 1, 0, 1}, {0, 0, 0, 1, 0, 0}, {1, 1, 1, 0, 1, 0}, {0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 0}};
        FeatureMatrix dense = rows.toDense();
        for (int r = 0; r < expected.length; r++) {
            assertThat(dense.row(r)).containsExactly(expected[r]);
        }
        // without a limit: sorted(CountVectorizer(binary=True).fit(DOCS).vocabulary_)
        assertThat(TextTransform.fit(new TextColumn("text", DOCS), 100).vocabulary()).containsExactly(
                "42", "ate", "café", "cat", "crêpes", "dog", "goers", "mat", "naïve", "on", "pets", "sat", "the");
    }

    /** scikit-learn's default token pattern as java.util.regex reads it: the reference the scan is held to. */
    private static final Pattern TOKEN = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);

    private static List<String> byPattern(String document) {
        Matcher m = TOKEN.matcher(document.toLowerCase(Locale.ROOT));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        while (m.find()) {
            out.add(m.group());
        }
        return new ArrayList<>(out);
    }

    @Test
    void theTokenScanFindsWhatTheTokenPatternFindsInTextOfEveryScript() {
        // letters of several scripts, a letter outside the BMP (U+1D400), marks (U+0301, U+20DD, U+0903), digits (ASCII,
        // Arabic-Indic), connectors (_ and U+203F), the join controls, numbers that are not digits (², Ⅻ), an emoji, a
        // lone surrogate of each kind, spaces, punctuation and case pairs that lower-casing changes (İ, Σ)
        String[] pieces = {"a", "Z", "é", "ß", "я", "中", "ك", "\uD835\uDC00", "\u0301", "\u20DD", "\u0903", "7", "\u0663", "_",
            "\u203F", "\u200C", "\u200D", "\u00B2", "\u216B", "\uD83D\uDE00", "\uD800", "\uDC00", " ", "\t", "\n", ".", ",", "'",
            "-", "\u0130", "\u03A3", "\u00A0", "\u2028"};
        SplittableRandom random = new SplittableRandom(29);
        for (int doc = 0; doc < 20_000; doc++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            assertThat(TextTransform.distinctTokens(text)).as("tokens of %s", text.codePoints()
                    .mapToObj(Integer::toHexString).toList()).isEqualTo(byPattern(text));
        }
        assertThat(TextTransform.distinctTokens("a b cd é\u0301t \uD835\uDC00\uD835\uDC01 x_y 2\u00B2 I\u200Dj cd"))
                .containsExactly("cd", "é\u0301t", "\uD835\uDC00\uD835\uDC01", "x_y", "i\u200Dj");
    }

    @Test
    void everyCodePointIsAWordCharacterExactlyWhenTheUnicodeWordClassSaysSo() {
        Pattern word = Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS);
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            boolean expected = word.matcher(Character.toString(c)).matches();
            if (TextTransform.isWordCharacter(c) != expected) {
                assertThat(TextTransform.isWordCharacter(c)).as("U+%04X", c).isEqualTo(expected);
            }
        }
    }

    @Test
    void missingDocumentsAndUnseenWordsEncodeAsNoWord() {
        TextTransform t = new TextTransform("text", List.of("bad", "good"));
        SparseRows rows = t.transform(new TextColumn("text", new String[] {null, "unseen words", "Good, not BAD"}));
        assertThat(rows.row(0)).isEmpty();
        assertThat(rows.row(1)).isEmpty();
        assertThat(rows.row(2)).containsExactly(0, 1);
    }

    @Test
    void preprocessorKeepsTextOutOfTheDenseMatrixAndShiftsSecondTextColumn() {
        Table train = FittedPreprocessorTest.table(new TextColumn("title", new String[] {"good film", "bad film", "k"}),
                new NumericColumn("n", new float[] {1, 2, 3}),
                new TextColumn("body", new String[] {"fine", "awful", null}));
        FittedPreprocessor p = FittedPreprocessor.fit(train, PreprocessingSpec.STANDARD.withVocabulary(10));
        assertThat(p.inputNames()).containsExactly("title", "n", "body");
        assertThat(p.width()).isEqualTo(1);
        assertThat(p.sparseWidth()).isEqualTo(5); // bad film good | awful fine ("k" is one letter short)
        assertThat(p.sparseOutputNames()).containsExactly("title:bad", "title:film", "title:good", "body:awful", "body:fine");
        FeatureMatrix x = p.transform(train);
        assertThat(x.cols()).isEqualTo(1);
        SparseRows s = x.sparse().orElseThrow();
        assertThat(s.row(0)).containsExactly(1, 2, 4);
        assertThat(s.row(1)).containsExactly(0, 1, 3);
        assertThat(s.row(2)).isEmpty();
        FeatureMatrix picked = x.selectRows(new int[] {2, 0});
        assertThat(picked.sparse().orElseThrow().row(1)).containsExactly(1, 2, 4);
        assertThat(picked.appendRows(picked).sparse().orElseThrow().rows()).isEqualTo(4);
    }

    @Test
    void vocabularyIsTheMostFrequentWordsByDocumentFrequency() {
        String[] docs = {"aa bb bb bb bb", "aa cc", "aa cc", "dd"};
        // bb occurs 4 times in one document; by document frequency aa (3) and cc (2) come first
        assertThat(TextTransform.fit(new TextColumn("t", docs), 2).vocabulary()).containsExactly("aa", "cc");
    }

    @Test
    void aTextColumnWithoutWordsIsRefused() {
        Table train = FittedPreprocessorTest.table(new TextColumn("t", new String[] {"a", "b ."}));
        assertThatThrownBy(() -> FittedPreprocessor.fit(train, PreprocessingSpec.STANDARD))
                .isInstanceOf(DataException.class).hasMessageContaining("'t'");
    }

    @Test
    void aDifferentColumnTypeAtPredictionIsRefused() {
        Table train = FittedPreprocessorTest.table(new TextColumn("t", new String[] {"good", "bad"}));
        FittedPreprocessor p = FittedPreprocessor.fit(train, PreprocessingSpec.STANDARD);
        Table other = FittedPreprocessorTest.table(new NumericColumn("t", new float[] {1, 2}));
        assertThatThrownBy(() -> p.transform(other)).isInstanceOf(DataException.class).hasMessageContaining("was text");
    }
}
