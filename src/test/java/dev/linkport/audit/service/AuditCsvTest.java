package dev.linkport.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(AuditQueryService.csv("plain")).isEqualTo("plain");
        assertThat(AuditQueryService.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditQueryService.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditQueryService.csv("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditQueryService.csv(null)).isEmpty();
    }

    @Test
    void aLeadingFormulaCharacterIsDefusedForSpreadsheets() {
        assertThat(AuditQueryService.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditQueryService.csv("+1")).isEqualTo("'+1");
        assertThat(AuditQueryService.csv("@sum")).isEqualTo("'@sum");
    }
}
