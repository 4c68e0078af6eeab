package org.policyradar.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextRepairTest {
    private final XmlTextRepair repair = new XmlTextRepair();

    @Test
    void prepareDropsDeclarationAndDoctypeWhereverTheyAreInTheProlog() {
        String text = "\n<!-- generated -->\r\n<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<?xml-stylesheet href=\"a.xsl\"?>"
                + "<!DOCTYPE rss [ <!ENTITY x \"]>\"> ]><rss/>";
        assertThat(repair.prepare(text)).isEqualTo("<!-- generated -->\r\n\n<?xml-stylesheet href=\"a.xsl\"?><rss/>");
    }

    @Test
    void aDoctypeQuotedInsideTheDocumentIsContent() {
        String text = "<rss><item><description><![CDATA[<!DOCTYPE html><p>x</p>]]></description></item></rss>";
        assertThat(repair.prepare(text)).isEqualTo(text);
    }

    @Test
    void entitiesAndAmpersandsAreRepairedOutsideCdataAndComments() {
        String text = "<t>a&nbsp;b &eacute; AT&T &amp; &#169; &#x1; &unknown; &NBSP;</t><!-- &nbsp; --><![CDATA[&nbsp; & ]]>";
        assertThat(repair.fixEntities(text)).isEqualTo(
                "<t>a&#160;b &#233; AT&amp;T &amp; &#169;  &amp;unknown; &#160;</t><!-- &nbsp; --><![CDATA[&nbsp; & ]]>");
    }

    @Test
    void illegalControlCharactersAreStripped() {
        assertThat(XmlTextRepair.stripIllegalXmlChars("a\u0000b\u0008c\td\uFFFEe")).isEqualTo("abc\tde");
    }
}
