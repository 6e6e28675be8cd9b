<?xml version="1.0" encoding="UTF-8"?>
<!--
  The INAMI-RIZIV letterhead shared by every document type: the institute (abbreviation in
  both languages, as in the logo, the other language's one marked with its own lang), its
  full name, the issuing service and body, the postal address and the website.

  Named template letterhead, parameters:
  element       'header' (default) or 'div' when the caller wraps it in its own <header>
                (a letter's header also holds the address window)
  and keys of catalog/terminology.xml:
  service-term  the issuing service, e.g. 'benefits-service', 'health-care-service'
  body-term     the body taking the decision, e.g. 'medical-council-for-invalidity'; '' for none
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="p">
  <xsl:import href="params.xsl"/>

  <xsl:template name="letterhead">
    <xsl:param name="element" select="'header'"/>
    <xsl:param name="service-term" select="''"/>
    <xsl:param name="body-term" select="''"/>
    <xsl:variable name="other-lang">
      <xsl:choose>
        <xsl:when test="$lang = 'nl'">fr</xsl:when>
        <xsl:otherwise>nl</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:attribute name="class">letterhead</xsl:attribute>
      <!-- One side-by-side segment: callers must not mark anything inside it. -->
      <xsl:attribute name="data-segment">letterhead</xsl:attribute>
      <p class="letterhead-brand">
        <span class="letterhead-abbr"><xsl:value-of select="p:term-abbr('institute', $lang)"/></span>
        <span class="letterhead-dash" aria-hidden="true"> – </span>
        <span class="letterhead-abbr" lang="{concat($other-lang, '-BE')}">
          <xsl:value-of select="p:term-abbr('institute', string($other-lang))"/>
        </span>
      </p>
      <p class="letterhead-institute"><xsl:value-of select="p:term('institute', $lang)"/></p>
      <xsl:if test="$service-term != ''">
        <p class="letterhead-service"><xsl:value-of select="p:term($service-term, $lang)"/></p>
      </xsl:if>
      <xsl:if test="$body-term != ''">
        <p class="letterhead-body"><xsl:value-of select="p:term($body-term, $lang)"/></p>
      </xsl:if>
      <p class="letterhead-address">
        <xsl:value-of select="p:text('letterhead.address.street', $lang)"/>
        <br/>
        <xsl:value-of select="p:text('letterhead.address.city', $lang)"/>
        <br/>
        <xsl:value-of select="p:text('letterhead.phone', $lang)"/>
        <br/>
        <xsl:value-of select="p:text('letterhead.website', $lang)"/>
      </p>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
