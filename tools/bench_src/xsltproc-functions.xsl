<?xml version="1.0" encoding="UTF-8"?>
<!-- For tools/bench only: lets xsltproc run paraph's letter stylesheets by defining the p:
     functions in XSLT (EXSLT func:function). Catalog look-ups read the same files with
     document(); ICU formatting is replaced by the raw value, so xsltproc does less work than
     paraph and the throughput ratio the benchmark prints is conservative. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:func="http://exslt.org/functions"
    xmlns:p="https://paraph.inami.fgov.be/ns/functions"
    xmlns:g="https://paraph.inami.fgov.be/ns/gentext/1"
    xmlns:t="https://paraph.inami.fgov.be/ns/terminology/1"
    extension-element-prefixes="func">

  <xsl:import href="../../xslt/letter/html.xsl"/>

  <xsl:param name="paraph-home"/>

  <func:function name="p:text">
    <xsl:param name="key"/>
    <xsl:param name="lang"/>
    <func:result select="string(document(concat('file://', $paraph-home, '/catalog/l10n/', $lang, '.xml'))/g:gentext/g:text[@key = $key])"/>
  </func:function>
  <func:function name="p:term">
    <xsl:param name="key"/>
    <xsl:param name="lang"/>
    <func:result select="string(document(concat('file://', $paraph-home, '/catalog/terminology.xml'))/t:terminology/t:term[@key = $key]/t:form[lang($lang)])"/>
  </func:function>
  <func:function name="p:term-abbr">
    <xsl:param name="key"/>
    <xsl:param name="lang"/>
    <func:result select="string(document(concat('file://', $paraph-home, '/catalog/terminology.xml'))/t:terminology/t:term[@key = $key]/t:form[lang($lang)]/@abbr)"/>
  </func:function>
  <func:function name="p:css">
    <xsl:param name="name"/>
    <func:result select="''"/>
  </func:function>
  <func:function name="p:date">
    <xsl:param name="value"/>
    <xsl:param name="lang"/>
    <xsl:param name="style"/>
    <func:result select="string($value)"/>
  </func:function>
  <func:function name="p:datetime">
    <xsl:param name="value"/>
    <xsl:param name="lang"/>
    <func:result select="string($value)"/>
  </func:function>
  <func:function name="p:money">
    <xsl:param name="value"/>
    <xsl:param name="lang"/>
    <func:result select="concat($value, ' EUR')"/>
  </func:function>
  <func:function name="p:money-words">
    <xsl:param name="value"/>
    <xsl:param name="lang"/>
    <func:result select="string($value)"/>
  </func:function>
  <func:function name="p:number">
    <xsl:param name="value"/>
    <xsl:param name="lang"/>
    <func:result select="string($value)"/>
  </func:function>
  <!-- p:message is variadic (pattern, lang, name/value pairs); EXSLT needs every parameter declared. -->
  <func:function name="p:message">
    <xsl:param name="pattern"/>
    <xsl:param name="lang"/>
    <xsl:param name="n1"/><xsl:param name="v1"/><xsl:param name="n2"/><xsl:param name="v2"/>
    <xsl:param name="n3"/><xsl:param name="v3"/><xsl:param name="n4"/><xsl:param name="v4"/>
    <xsl:param name="n5"/><xsl:param name="v5"/><xsl:param name="n6"/><xsl:param name="v6"/>
    <func:result select="concat($pattern, ' ', $v1, ' ', $v2, ' ', $v3, ' ', $v4, ' ', $v5, ' ', $v6)"/>
  </func:function>
  <func:function name="p:collation-key">
    <xsl:param name="text"/>
    <xsl:param name="lang"/>
    <func:result select="string($text)"/>
  </func:function>
</xsl:stylesheet>
