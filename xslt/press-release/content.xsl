<?xml version="1.0" encoding="UTF-8"?>
<!--
  Press release (communiqué de presse / persbericht): the body as HTML, output-neutral, for
  the drivers of this folder.

  Every generated word comes from catalog/l10n (p:text, keys press-release.*) or
  catalog/terminology.xml (p:term); free text is output as text nodes only. The embargo is
  Brussels local time, written with p:datetime.

  Segments (side-by-side edition, parity checks): every aligned block carries
  data-segment="ID", the same ID in French and in Dutch, in the same order; segments do not
  nest. IDs (docs/press-release.md):
    letterhead (set by xslt/common/letterhead.xsl), kind, dateline, embargo, title, lead,
    body-p-N, body-heading-N, quote-N (N: position among the body's p, heading or quote),
    contact-heading, contact-N, about-heading, about

  Entry: mode press-release.body on pr:press-release; press-release.title and
  press-release.reference give the page title and the running footer.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pr="https://paraph.inami.fgov.be/ns/press-release/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="pr p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>

  <xsl:variable name="press-release.kind">
    <xsl:call-template name="format.capitalised">
      <xsl:with-param name="text" select="p:term('press-release', $lang)"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- "Communiqué de presse du 12 mars 2026" / "Persbericht van 12 maart 2026" -->
  <xsl:template match="pr:press-release" mode="press-release.reference">
    <xsl:value-of select="p:message(p:text('press-release.reference', $lang), $lang,
                                    'kind', string($press-release.kind),
                                    'date', p:date(string(pr:date), $lang))"/>
  </xsl:template>

  <xsl:template match="pr:press-release" mode="press-release.title">
    <xsl:variable name="title">
      <xsl:apply-templates select="pr:title" mode="format.text"/>
    </xsl:variable>
    <xsl:value-of select="p:message(p:text('press-release.page-title', $lang), $lang,
                                    'kind', string($press-release.kind),
                                    'title', normalize-space($title))"/>
  </xsl:template>

  <xsl:template match="pr:press-release" mode="press-release.body">
    <header class="doc-head">
      <xsl:call-template name="letterhead">
        <xsl:with-param name="element" select="'div'"/>
      </xsl:call-template>
    </header>
    <main class="press-release">
      <p class="doc-kind" data-segment="kind"><xsl:value-of select="p:term('press-release', $lang)"/></p>
      <p class="dateline" data-segment="dateline">
        <time datetime="{pr:date}">
          <xsl:value-of select="p:message(p:text('press-release.dateline', $lang), $lang,
                                          'date', p:date(string(pr:date), $lang))"/>
        </time>
      </p>
      <xsl:apply-templates select="pr:embargo"/>
      <h1 class="title" data-segment="title"><xsl:apply-templates select="pr:title" mode="format.text"/></h1>
      <p class="lead" data-segment="lead"><xsl:apply-templates select="pr:lead" mode="format.text"/></p>
      <xsl:apply-templates select="pr:body/*"/>
      <section class="press-contact" aria-labelledby="contact-heading">
        <h2 id="contact-heading" data-segment="contact-heading"><xsl:value-of select="p:text('press-release.contact.heading', $lang)"/></h2>
        <xsl:apply-templates select="pr:press-contact"/>
      </section>
      <section class="about" aria-labelledby="about-heading">
        <h2 id="about-heading" data-segment="about-heading"><xsl:value-of select="p:text('press-release.about.heading', $lang)"/></h2>
        <p data-segment="about"><xsl:value-of select="p:text('press-release.about.text', $lang)"/></p>
      </section>
    </main>
  </xsl:template>

  <xsl:template match="pr:embargo">
    <p class="embargo" data-segment="embargo">
      <strong>
        <time datetime="{.}">
          <xsl:value-of select="p:message(p:text('press-release.embargo', $lang), $lang,
                                          'datetime', p:datetime(string(.), $lang))"/>
        </time>
      </strong>
    </p>
  </xsl:template>

  <!-- ============================================================ body -->

  <xsl:template match="pr:body/pr:p">
    <p data-segment="body-p-{count(preceding-sibling::pr:p) + 1}"><xsl:apply-templates select="." mode="format.text"/></p>
  </xsl:template>

  <xsl:template match="pr:body/pr:heading">
    <h2 data-segment="body-heading-{count(preceding-sibling::pr:heading) + 1}"><xsl:apply-templates select="." mode="format.text"/></h2>
  </xsl:template>

  <xsl:template match="pr:body/pr:quote">
    <xsl:variable name="text">
      <xsl:apply-templates select="pr:text" mode="format.text"/>
    </xsl:variable>
    <xsl:variable name="function">
      <xsl:apply-templates select="pr:function" mode="format.text"/>
    </xsl:variable>
    <figure class="quote" data-segment="quote-{count(preceding-sibling::pr:quote) + 1}">
      <blockquote>
        <p><xsl:value-of select="p:message(p:text('press-release.quote', $lang), $lang, 'text', normalize-space($text))"/></p>
      </blockquote>
      <figcaption>
        <xsl:value-of select="p:message(p:text('press-release.attribution', $lang), $lang,
                                        'person', normalize-space(pr:person),
                                        'function', normalize-space($function))"/>
      </figcaption>
    </figure>
  </xsl:template>

  <!-- ============================================================ press contact -->

  <xsl:template match="pr:press-contact">
    <xsl:variable name="languages" select="concat(' ', normalize-space(@languages), ' ')"/>
    <xsl:variable name="languages-key">
      <xsl:choose>
        <xsl:when test="not(@languages) or (contains($languages, ' fr ') and contains($languages, ' nl '))">fr-nl</xsl:when>
        <xsl:when test="contains($languages, ' nl ')">nl</xsl:when>
        <xsl:otherwise>fr</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <p class="contact" data-segment="contact-{position()}">
      <strong><xsl:value-of select="pr:name"/></strong>
      <xsl:if test="pr:function">
        <br/>
        <xsl:apply-templates select="pr:function" mode="format.text"/>
      </xsl:if>
      <br/>
      <xsl:value-of select="p:text('press-release.contact.phone', $lang)"/>
      <xsl:text> </xsl:text>
      <a>
        <xsl:attribute name="href">
          <xsl:call-template name="format.tel-href">
            <xsl:with-param name="phone" select="string(pr:phone)"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:value-of select="pr:phone"/>
      </a>
      <br/>
      <xsl:value-of select="p:text('press-release.contact.email', $lang)"/>
      <xsl:text> </xsl:text>
      <a href="mailto:{normalize-space(pr:email)}"><xsl:value-of select="normalize-space(pr:email)"/></a>
      <br/>
      <span class="contact-languages"><xsl:value-of select="p:text(concat('press-release.contact.languages.', $languages-key), $lang)"/></span>
    </p>
  </xsl:template>
</xsl:stylesheet>
