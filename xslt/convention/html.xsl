<?xml version="1.0" encoding="UTF-8"?>
<!--
  Convention, HTML driver: one self-contained, accessible HTML5 file per language,
  print-ready for the PDF engine (A4, running footer with the convention's number and
  "page / pages" on every page).

  Parameters (see xslt/common/params.xsl): lang = 'fr' | 'nl'.
  Input: a validated convention (https://paraph.inami.fgov.be/ns/convention/1) with the C++
  enrichment (e:budget, from "convention-budget") appended as the last child of the root.
  Styles inlined: styles/document.css, styles/convention.css, and for a consolidated text
  (with <amended-by>) styles/convention-history.css.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="https://paraph.inami.fgov.be/ns/convention/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="c p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/page.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>
  <xsl:import href="content.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="c:convention">
        <xsl:apply-templates select="c:convention"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">unknown document type: {<xsl:value-of select="namespace-uri(*)"/>}<xsl:value-of select="local-name(*)"/> is not a convention</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:convention">
    <xsl:call-template name="page.shell">
      <xsl:with-param name="title">
        <xsl:apply-templates select="." mode="convention.title"/>
      </xsl:with-param>
      <xsl:with-param name="document-id" select="string(@id)"/>
      <xsl:with-param name="source-language" select="string(@source-language)"/>
      <!-- A consolidated text adds the style of its history; a convention never amended is unchanged. -->
      <xsl:with-param name="styles">
        <xsl:text>document letterhead page convention</xsl:text>
        <xsl:if test="c:amended-by"> convention-history</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="running-reference">
        <xsl:apply-templates select="." mode="convention.running-reference"/>
      </xsl:with-param>
      <xsl:with-param name="running-reference-on-first-page" select="true()"/>
      <xsl:with-param name="body-class" select="'doc-convention'"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="." mode="convention.body"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
