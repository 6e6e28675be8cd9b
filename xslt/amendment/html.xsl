<?xml version="1.0" encoding="UTF-8"?>
<!--
  Amendment to a convention (avenant / wijzigingsclausule), HTML driver: one self-contained,
  accessible HTML5 file per language, print-ready for the PDF engine (A4, running footer
  with the convention's and the amendment's numbers and "page / pages" on every page).

  Parameters (see xslt/common/params.xsl): lang = 'fr' | 'nl'.
  Input: a validated amendment (https://paraph.inami.fgov.be/ns/amendment/1), with the C++
  enrichment appended as the last child of the root (e:budget when it replaces the financing).
  Styles inlined: styles/document.css, styles/convention.css (parties, tables, signatures:
  the same layout as the convention it amends), styles/amendment.css.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="https://paraph.inami.fgov.be/ns/amendment/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="a p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/page.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>
  <xsl:import href="content.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="a:amendment">
        <xsl:apply-templates select="a:amendment"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">unknown document type: {<xsl:value-of select="namespace-uri(*)"/>}<xsl:value-of select="local-name(*)"/> is not an amendment</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:amendment">
    <xsl:call-template name="page.shell">
      <xsl:with-param name="title">
        <xsl:apply-templates select="." mode="amendment.title"/>
      </xsl:with-param>
      <xsl:with-param name="document-id" select="string(@id)"/>
      <xsl:with-param name="source-language" select="string(@source-language)"/>
      <xsl:with-param name="styles" select="'document letterhead page convention amendment'"/>
      <xsl:with-param name="running-reference">
        <xsl:apply-templates select="." mode="amendment.running-reference"/>
      </xsl:with-param>
      <xsl:with-param name="running-reference-on-first-page" select="true()"/>
      <xsl:with-param name="body-class" select="'doc-amendment'"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="." mode="amendment.body"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
