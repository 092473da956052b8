package dev.linkport.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void blankTextIsNoSearch() {
        assertThat(SearchText.parse(null)).isNull();
        assertThat(SearchText.parse("   ")).isNull();
        assertThat(SearchText.parse("\"\"")).isNull();
    }

    @Test
    void theWordBeingTypedIsSplitOffAsAPrefix() {
        assertThat(SearchText.parse("payments led"))
                .isEqualTo(new SearchText("payments ", "led", false, List.of("payments")));
        assertThat(SearchText.parse("Paym")).isEqualTo(new SearchText("", "paym", false, List.of("paym")));
    }

    @Test
    void anExcludedWordBeingTypedIsAnExcludedPrefix() {
        assertThat(SearchText.parse("payments -leg"))
                .isEqualTo(new SearchText("payments ", "leg", true, List.of("payments")));
    }

    @Test
    void textEndingInASpaceAQuoteOrAHyphenatedWordHasNoPrefix() {
        assertThat(SearchText.parse("payments ").prefix()).isNull();
        assertThat(SearchText.parse("\"card tokens\"").prefix()).isNull();
        assertThat(SearchText.parse("\"card tok").prefix()).as("inside an open quote").isNull();
        assertThat(SearchText.parse("payments-led").prefix()).isNull();
        assertThat(SearchText.parse("kyc or").prefix()).isNull();
        assertThat(SearchText.parse("kyc or am").prefix()).as("after or").isNull();
    }

    @Test
    void onlyPlainWordsOfFourLettersOrMoreAreCorrected() {
        assertThat(SearchText.parse("paymnts -legcy \"card tokns\" kyc ledgr2 or ledgr Ledgr").correctable())
                .containsExactly("paymnts", "ledgr");
    }

    @Test
    void overlongTextIsCut() {
        assertThat(SearchText.parse("a".repeat(500)).prefix()).hasSize(SearchText.MAX_LENGTH);
    }
}
