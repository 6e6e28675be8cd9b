<?xml version="1.0" encoding="UTF-8"?>
<!--
  Formatting helpers shared by every document type. Input-namespace agnostic: a bilingual
  field is any element with <fr> and <nl> children, whatever the document type's namespace.
  Free text is always written as text nodes (xsl:value-of), never with
  disable-output-escaping: markup typed by a user shows as text.

  Modes and named templates:
  mode format.text        (bilingual field)  its text in $lang
  mode format.paragraphs  (element with <p> children, each bilingual)  one <p> per paragraph;
                          param segment-prefix: when given, each <p> is a side-by-side
                          segment PREFIX-p-N (N = its position)
  format.lines            (param lines: node-set)  the nodes' texts separated by <br>
  format.css-string       (param text)  text made safe inside a CSS double-quoted string
  format.tel-href         (param phone)  a tel: URI from a displayed phone number
  format.capitalised      (param text)  the text with its first letter in upper case (a term
                          such as "communiqué de presse" at the start of a title)
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="params.xsl"/>

  <xsl:template match="*" mode="format.text">
    <xsl:value-of select="*[local-name() = $lang]"/>
  </xsl:template>

  <xsl:template match="*" mode="format.paragraphs">
    <xsl:param name="segment-prefix" select="''"/>
    <xsl:for-each select="*[local-name() = 'p']">
      <p>
        <xsl:if test="$segment-prefix != ''">
          <xsl:attribute name="data-segment"><xsl:value-of select="concat($segment-prefix, '-p-', position())"/></xsl:attribute>
        </xsl:if>
        <xsl:apply-templates select="." mode="format.text"/>
      </p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="format.lines">
    <xsl:param name="lines"/>
    <xsl:for-each select="$lines">
      <xsl:if test="position() &gt; 1"><br/></xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- Drops the characters that could end or escape a CSS string: " \ and line breaks. -->
  <xsl:template name="format.css-string">
    <xsl:param name="text"/>
    <xsl:value-of select="translate($text, '&quot;\&#10;&#13;&lt;&gt;', '')"/>
  </xsl:template>

  <xsl:template name="format.tel-href">
    <xsl:param name="phone"/>
    <xsl:value-of select="concat('tel:', translate($phone, ' ./-()', ''))"/>
  </xsl:template>

  <xsl:template name="format.capitalised">
    <xsl:param name="text"/>
    <xsl:value-of select="concat(translate(substring($text, 1, 1),
                                           'abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿ',
                                           'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ'),
                                 substring($text, 2))"/>
  </xsl:template>
</xsl:stylesheet>
