<?xml version="1.0" encoding="UTF-8"?>
<!--
  The first page of a batch's mail-room file (server/document/MailRoom): which batch, how
  many letters, the range of their references and the order they are in, so that the mail
  room can check the pile it prints. One page; the mail-room file pads it to two so the
  first letter starts on an odd page.

  Input (namespace https://paraph.inami.fgov.be/ns/batch-cover/1):
    <b:cover batch count first-reference last-reference first-postal-code last-postal-code made-on pages/>
  Parameters (common/params.xsl): lang. Every word comes from catalog/l10n/fr.xml and nl.xml
  (keys batch.cover.*).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:b="https://paraph.inami.fgov.be/ns/batch-cover/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="b p">
  <xsl:import href="../common/params.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="cover" select="/b:cover"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$lang-tag}">
      <head>
        <title>
          <xsl:value-of select="p:message(p:text('batch.cover.title', $lang), $lang, 'batch', string($cover/@batch))"/>
        </title>
        <style>
          <xsl:text>&#10;</xsl:text>
          <xsl:value-of select="p:css('palette')"/>
          <xsl:text>&#10;@page { size: A4; margin: 30mm 25mm; }&#10;</xsl:text>
          <xsl:text>h1 { color: var(--accent); font-size: 20pt; margin: 0 0 12mm; }&#10;</xsl:text>
          <xsl:text>dl { display: grid; grid-template-columns: max-content 1fr; gap: 3mm 8mm; font-size: 12pt; }&#10;</xsl:text>
          <xsl:text>dt { font-weight: bold; } dd { margin: 0; }&#10;</xsl:text>
          <xsl:text>p.note { margin-top: 14mm; color: var(--muted); font-size: 10pt; }&#10;</xsl:text>
        </style>
      </head>
      <body>
        <h1>
          <xsl:value-of select="p:message(p:text('batch.cover.heading', $lang), $lang, 'batch', string($cover/@batch))"/>
        </h1>
        <dl>
          <dt><xsl:value-of select="p:text('batch.cover.count', $lang)"/></dt>
          <dd><xsl:value-of select="p:message(p:text('batch.cover.letters', $lang), $lang, 'count', string($cover/@count))"/></dd>
          <dt><xsl:value-of select="p:text('batch.cover.references', $lang)"/></dt>
          <dd>
            <xsl:value-of select="p:message(p:text('batch.cover.range', $lang), $lang,
                                            'first', string($cover/@first-reference), 'last', string($cover/@last-reference))"/>
          </dd>
          <dt><xsl:value-of select="p:text('batch.cover.postal-codes', $lang)"/></dt>
          <dd>
            <xsl:value-of select="p:message(p:text('batch.cover.postal-range', $lang), $lang,
                                            'first', string($cover/@first-postal-code), 'last', string($cover/@last-postal-code))"/>
          </dd>
          <dt><xsl:value-of select="p:text('batch.cover.pages', $lang)"/></dt>
          <dd><xsl:value-of select="string($cover/@pages)"/></dd>
          <dt><xsl:value-of select="p:text('batch.cover.made-on', $lang)"/></dt>
          <dd><xsl:value-of select="p:date(string($cover/@made-on), $lang)"/></dd>
        </dl>
        <p class="note"><xsl:value-of select="p:text('batch.cover.note', $lang)"/></p>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
