<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML page shell shared by every document type: one self-contained HTML5 file per
  language (styles inlined with p:css, no external resource).

  Named template page.shell, parameters:
  title              text of <title>
  document-id        the input's id (meta paraph-document-id)
  source-language    'fr' or 'nl' (meta paraph-source-language)
  styles             space-separated names of styles/NAME.css to inline, in order, after
                     styles/palette.css (colours and base typography, always first)
                     (default 'document'; a letter passes 'document letterhead letter')
  running-reference  text of the running footer (bottom-left margin box); empty for none
  running-reference-on-first-page
                     true() to print it on the first page too (default false(): a
                     letter's first page carries the reference in its reference line)
  body-class         class of <body> (the document type)
  content            the body content (result tree fragment)

  The caller's driver sets xsl:output method="html" encoding="UTF-8". No <meta charset>:
  libxslt's html output inserts a Content-Type meta itself.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="p">
  <xsl:import href="params.xsl"/>
  <xsl:import href="format.xsl"/>

  <xsl:template name="page.shell">
    <xsl:param name="title"/>
    <xsl:param name="document-id"/>
    <xsl:param name="source-language"/>
    <xsl:param name="styles" select="'document'"/>
    <xsl:param name="running-reference" select="''"/>
    <xsl:param name="running-reference-on-first-page" select="false()"/>
    <xsl:param name="body-class" select="''"/>
    <xsl:param name="content"/>
    <xsl:if test="$lang != 'fr' and $lang != 'nl'">
      <xsl:message terminate="yes">parameter lang must be 'fr' or 'nl', not '<xsl:value-of select="$lang"/>'</xsl:message>
    </xsl:if>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$lang-tag}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <meta name="paraph-document-id" content="{$document-id}"/>
        <meta name="paraph-source-language" content="{$source-language}"/>
        <meta name="generator" content="paraph"/>
        <style>
          <xsl:call-template name="page.styles">
            <xsl:with-param name="names" select="normalize-space(concat('palette ', $styles))"/>
          </xsl:call-template>
        </style>
        <xsl:if test="string($running-reference) != ''">
          <style>
            <xsl:text>@page { @bottom-left { content: "</xsl:text>
            <xsl:call-template name="format.css-string">
              <xsl:with-param name="text" select="$running-reference"/>
            </xsl:call-template>
            <xsl:text>"; } }</xsl:text>
            <!-- Repeated here: a later @page rule would otherwise win over the stylesheet's :first. -->
            <xsl:if test="not($running-reference-on-first-page)">
              <xsl:text> @page :first { @bottom-left { content: none; } }</xsl:text>
            </xsl:if>
          </style>
        </xsl:if>
      </head>
      <body>
        <xsl:if test="$body-class != ''">
          <xsl:attribute name="class"><xsl:value-of select="$body-class"/></xsl:attribute>
        </xsl:if>
        <xsl:copy-of select="$content"/>
      </body>
    </html>
  </xsl:template>

  <!-- Inlines styles/NAME.css for each space-separated name, in order. -->
  <xsl:template name="page.styles">
    <xsl:param name="names"/>
    <xsl:if test="$names != ''">
      <xsl:variable name="first">
        <xsl:choose>
          <xsl:when test="contains($names, ' ')"><xsl:value-of select="substring-before($names, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$names"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:text>&#10;</xsl:text>
      <xsl:value-of select="p:css(string($first))"/>
      <xsl:call-template name="page.styles">
        <xsl:with-param name="names" select="substring-after($names, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
