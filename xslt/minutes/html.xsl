<?xml version="1.0" encoding="UTF-8"?>
<!--
  Minutes, HTML driver: one self-contained, accessible HTML5 file per
  language, print-ready for the PDF engine (A4, running reference and page numbers).

  Parameters (see xslt/common/params.xsl): lang = 'fr' | 'nl'.
  Input: validated minutes (https://paraph.inami.fgov.be/ns/minutes/1).
  Styles inlined: styles/document.css, styles/paged.css, styles/minutes.css.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="https://paraph.inami.fgov.be/ns/minutes/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="m p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/page.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>
  <xsl:import href="content.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="m:minutes">
        <xsl:apply-templates select="m:minutes"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">unknown document type: {<xsl:value-of select="namespace-uri(*)"/>}<xsl:value-of select="local-name(*)"/> is not minutes</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:minutes">
    <xsl:call-template name="page.shell">
      <xsl:with-param name="title">
        <xsl:apply-templates select="." mode="minutes.title"/>
      </xsl:with-param>
      <xsl:with-param name="document-id" select="string(@id)"/>
      <xsl:with-param name="source-language" select="string(@source-language)"/>
      <xsl:with-param name="styles" select="'document letterhead page paged minutes'"/>
      <xsl:with-param name="running-reference">
        <xsl:apply-templates select="." mode="minutes.reference"/>
      </xsl:with-param>
      <xsl:with-param name="running-reference-on-first-page" select="true()"/>
      <xsl:with-param name="body-class" select="'doc-minutes'"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="." mode="minutes.body"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
