<?xml version="1.0" encoding="UTF-8"?>
<!--
  The side-by-side bilingual edition (FR | NL), for every document type: the translators'
  review format and the archive format, in the manner of the Belgian Official Journal.

  Input (built by the C++ pipeline from the two rendered language versions):
    <b:pair type="letter" title-fr="…" title-nl="…">
      <b:version lang="fr"><html lang="fr-BE">…</html></b:version>
      <b:version lang="nl"><html lang="nl-BE">…</html></b:version>
    </b:pair>
  Each language version marks its aligned blocks with data-segment="ID" (same IDs in both,
  segments never nested). This stylesheet lays them out as rows: the French segment and the
  Dutch segment with the same ID sit in the same row, so they cannot drift apart over pages.
  A segment present in one language only gets a visibly marked empty cell.

  Parameters: none (the generated words come from catalog/l10n, in both languages).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:b="https://paraph.inami.fgov.be/ns/bilingual/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="b p">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:key name="segment" match="*[@data-segment]" use="concat(ancestor::b:version/@lang, '|', @data-segment)"/>

  <xsl:variable name="french" select="/b:pair/b:version[@lang = 'fr']"/>
  <xsl:variable name="dutch" select="/b:pair/b:version[@lang = 'nl']"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="fr-BE">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="concat(/b:pair/@title-fr, ' | ', /b:pair/@title-nl)"/></title>
        <meta name="paraph-document-id" content="{$french//meta[@name = 'paraph-document-id']/@content}"/>
        <meta name="paraph-edition" content="fr-nl"/>
        <meta name="generator" content="paraph"/>
        <style>
          <xsl:value-of select="p:css('palette')"/>
          <xsl:text>&#10;</xsl:text>
          <xsl:value-of select="p:css('document')"/>
          <xsl:text>&#10;</xsl:text>
          <xsl:value-of select="p:css('side-by-side')"/>
        </style>
      </head>
      <body class="side-by-side doc-{/b:pair/@type}">
        <main>
          <div class="synopsis-head" aria-hidden="true">
            <div lang="fr-BE"><xsl:value-of select="p:text('bilingual.column', 'fr')"/></div>
            <div lang="nl-BE"><xsl:value-of select="p:text('bilingual.column', 'nl')"/></div>
          </div>
          <xsl:for-each select="$french//*[@data-segment]">
            <xsl:call-template name="row">
              <xsl:with-param name="id" select="string(@data-segment)"/>
              <xsl:with-param name="fr" select="."/>
              <xsl:with-param name="nl" select="key('segment', concat('nl|', @data-segment))[1]"/>
            </xsl:call-template>
          </xsl:for-each>
          <!-- Dutch segments that have no French counterpart, at the end, marked. -->
          <xsl:for-each select="$dutch//*[@data-segment][not(key('segment', concat('fr|', @data-segment)))]">
            <xsl:call-template name="row">
              <xsl:with-param name="id" select="string(@data-segment)"/>
              <xsl:with-param name="nl" select="."/>
            </xsl:call-template>
          </xsl:for-each>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="id"/>
    <xsl:param name="fr" select="/.."/>
    <xsl:param name="nl" select="/.."/>
    <div class="synopsis-row" data-segment="{$id}">
      <xsl:call-template name="cell">
        <xsl:with-param name="segment" select="$fr"/>
        <xsl:with-param name="lang" select="'fr'"/>
      </xsl:call-template>
      <xsl:call-template name="cell">
        <xsl:with-param name="segment" select="$nl"/>
        <xsl:with-param name="lang" select="'nl'"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="segment"/>
    <xsl:param name="lang"/>
    <div class="synopsis-cell" lang="{concat($lang, '-BE')}">
      <xsl:choose>
        <xsl:when test="not($segment)">
          <p class="segment-missing"><xsl:value-of select="p:text('bilingual.missing', $lang)"/></p>
        </xsl:when>
        <!-- Blocks that cannot stand alone get the smallest container that keeps them valid. -->
        <!-- A table row out of its table: a row of cells, so that spanning cells stay valid. -->
        <xsl:when test="local-name($segment) = 'tr'">
          <div class="segment-table-row">
            <xsl:for-each select="$segment/*">
              <div class="segment-cell segment-{local-name()}">
                <xsl:apply-templates select="node()" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates>
              </div>
            </xsl:for-each>
          </div>
        </xsl:when>
        <xsl:when test="local-name($segment) = 'li' and local-name($segment/..) = 'ol'">
          <ol class="segment-list" start="{count($segment/preceding-sibling::li) + 1}"><xsl:apply-templates select="$segment" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates></ol>
        </xsl:when>
        <xsl:when test="local-name($segment) = 'li'">
          <ul class="segment-list"><xsl:apply-templates select="$segment" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates></ul>
        </xsl:when>
        <xsl:when test="local-name($segment) = 'caption'">
          <p class="segment-caption"><xsl:apply-templates select="$segment/node()" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates></p>
        </xsl:when>
        <xsl:when test="local-name($segment) = 'thead' or local-name($segment) = 'tbody' or local-name($segment) = 'tfoot'">
          <table class="segment-table"><xsl:apply-templates select="$segment" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates></table>
        </xsl:when>
        <xsl:when test="local-name($segment) = 'dt' or local-name($segment) = 'dd' or local-name($segment/..) = 'dl'">
          <dl class="segment-list"><xsl:apply-templates select="$segment" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates></dl>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$segment" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Copy, keeping ids unique across the two columns and dropping the segment mark (the row carries it). -->
  <xsl:template match="*" mode="copy">
    <xsl:param name="lang"/>
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'data-segment']" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates>
      <xsl:apply-templates select="node()" mode="copy"><xsl:with-param name="lang" select="$lang"/></xsl:apply-templates>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="@id | @for | @headers | @aria-labelledby | @aria-describedby" mode="copy">
    <xsl:param name="lang"/>
    <xsl:attribute name="{name()}"><xsl:value-of select="concat(., '-', $lang)"/></xsl:attribute>
  </xsl:template>
  <xsl:template match="@href[starts-with(., '#')]" mode="copy">
    <xsl:param name="lang"/>
    <xsl:attribute name="href"><xsl:value-of select="concat(., '-', $lang)"/></xsl:attribute>
  </xsl:template>
  <xsl:template match="@* | text()" mode="copy">
    <xsl:copy/>
  </xsl:template>
</xsl:stylesheet>
