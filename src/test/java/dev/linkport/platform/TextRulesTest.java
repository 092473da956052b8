package dev.linkport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which text Linkport stores: one line for names, free text for descriptions, port lists. */
class TextRulesTest {

    @Test
    void aNameOnOneLineMayHoldAnyLanguageEmojiAndPunctuationButNoControlsBreaksOrDirectionOverrides() {
        assertThat(TextRules.isOneLine("Zahlungen – 支付 💳 'x'); DROP TABLE team; --")).isTrue();
        assertThat(TextRules.isOneLine("مدفوعات")).isTrue();
        assertThat(TextRules.isOneLine(null)).isTrue();
        assertThat(TextRules.isOneLine("nul\u0000")).isFalse();
        assertThat(TextRules.isOneLine("two\nlines")).isFalse();
        assertThat(TextRules.isOneLine("tab\there")).isFalse();
        assertThat(TextRules.isOneLine("invoice\u202Efdp.exe")).isFalse();
        assertThat(TextRules.isOneLine("isolate\u2066x\u2069")).isFalse();
        assertThat(TextRules.isOneLine("line\u2028separator")).isFalse();
        assertThat(TextRules.isOneLine("\u0085next line")).isFalse();
    }

    @Test
    void freeTextKeepsTabsAndLineBreaksAndRightToLeftTextButRefusesOtherControlCharacters() {
        assertThat(TextRules.isFreeText("first\r\nsecond\tcolumn \u202Bשלום\u202C <script>")).isTrue();
        assertThat(TextRules.isFreeText("nul\u0000")).isFalse();
        assertThat(TextRules.isFreeText("bell\u0007")).isFalse();
        assertThat(TextRules.isFreeText("lonely \uD83D surrogate")).isFalse();
        assertThat(TextRules.isFreeText("paired \uD83D\uDE80 surrogates")).isTrue();
    }

    @Test
    void aReasonTooLongOrWithControlCharactersIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TextRules.checkFreeText("reason", "x".repeat(11), 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("reason", "At most 10 characters; 11 now")));
        assertThatThrownBy(() -> TextRules.checkFreeText("reason", "a\u0000b", 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("reason", TextRules.FREE_TEXT_MESSAGE)));
        TextRules.checkFreeText("reason", "  fits once trimmed  ", 17);
    }

    @Test
    void portsAreOneToSixtyFiveThousandFiveHundredThirtyFiveAtMostTwentyOfThem() {
        assertThat(PortList.Check.isPortList("")).isTrue();
        assertThat(PortList.Check.isPortList("443")).isTrue();
        assertThat(PortList.Check.isPortList("1, 65535")).isTrue();
        assertThat(PortList.Check.isPortList("0")).isFalse();
        assertThat(PortList.Check.isPortList("65536")).isFalse();
        assertThat(PortList.Check.isPortList("99999")).isFalse();
        assertThat(PortList.Check.isPortList("443,")).isFalse();
        assertThat(PortList.Check.isPortList("４４３")).as("full-width digits").isFalse();
        assertThat(PortList.Check.isPortList("1,".repeat(20) + "1")).isFalse();
        assertThat(PortList.Check.isPortList("1,".repeat(19) + "1")).isTrue();
    }
}
