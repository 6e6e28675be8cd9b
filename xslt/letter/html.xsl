<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notification letter, HTML driver: one self-contained, accessible HTML5 file per language,
  print-ready for the PDF engine (A4, DL window envelope, running reference and page numbers).

  Parameters (see xslt/common/params.xsl): lang = 'fr' | 'nl'.
  Input: a validated letter (https://paraph.inami.fgov.be/ns/letter/1) with the C++
  enrichment appended as the last child of the root.
  Styles inlined: styles/document.css, styles/letter.css.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:l="https://paraph.inami.fgov.be/ns/letter/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="l p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/page.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>
  <xsl:import href="content.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="l:letter">
        <xsl:apply-templates select="l:letter"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">unknown document type: {<xsl:value-of select="namespace-uri(*)"/>}<xsl:value-of select="local-name(*)"/> is not a letter</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:letter">
    <xsl:call-template name="page.shell">
      <xsl:with-param name="title">
        <xsl:apply-templates select="." mode="letter.title"/>
      </xsl:with-param>
      <xsl:with-param name="document-id" select="string(@id)"/>
      <xsl:with-param name="source-language" select="string(@source-language)"/>
      <xsl:with-param name="styles" select="'document letterhead page letter'"/>
      <xsl:with-param name="running-reference">
        <xsl:apply-templates select="." mode="letter.running-reference"/>
      </xsl:with-param>
      <xsl:with-param name="body-class" select="'doc-letter'"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="." mode="letter.body"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
