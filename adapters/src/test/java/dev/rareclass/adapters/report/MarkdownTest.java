package dev.rareclass.adapters.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rareclass.domain.metrics.ConfusionCounts;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void htmlInAValueIsWrittenAsEntitiesSoARendererShowsItAsText() {
        assertThat(Markdown.text("<i>\"pos\"&</i>")).isEqualTo("&lt;i&gt;\"pos\"&amp;&lt;/i&gt;");
        assertThat(Markdown.cell("lab</td>el")).isEqualTo("lab&lt;/td&gt;el");
        assertThat(Markdown.cell("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void aLineBreakInAValueIsShownAsBackslashNAndKeepsTheRowOnOneLine() {
        assertThat(Markdown.cell("a|b\nc\r\nd")).isEqualTo("a\\|b\\nc\\r\\nd");
        assertThat(Markdown.text("two\nlines")).isEqualTo("two\\nlines");
        assertThat(Markdown.cell(null)).isEmpty();
    }

    @Test
    void theClassificationReportBlockHasOneLinePerRowWhateverTheClassNames() {
        StringBuilder md = new StringBuilder();
        Markdown.classificationReport(md, new ConfusionCounts(3, 1, 2, 4), "neg\nline", "<b>pos</b>");
        String[] lines = md.toString().split("\n", -1);
        // fence, header, blank, two classes, blank, accuracy, two averages, fence, and the end of the last line
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("```");
        assertThat(lines[3]).contains("neg\\nline");
        // HTML in a fenced block is shown as written: entities there would show as "&lt;"
        assertThat(lines[4]).contains("<b>pos</b>");
        assertThat(lines[9]).isEqualTo("```");
    }
}
