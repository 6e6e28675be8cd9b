<?xml version="1.0" encoding="UTF-8"?>
<!--
  Minutes (procès-verbal / notulen) of a meeting of a management body: the body as HTML,
  output-neutral, for the drivers of this folder.

  Every generated word comes from catalog/l10n (p:text, keys minutes.*) or
  catalog/terminology.xml (p:term); free text is output as text nodes only.

  Lists of people (present, excused) are sorted by family name then given name with the
  collation of the output's language: xsl:sort on p:collation-key(…, $lang), a hex ICU sort
  key compared in byte order (no lang on xsl:sort: libxslt would then compare with its own
  rules instead of the key's byte order).

  Segments (side-by-side edition, parity checks): every aligned block carries
  data-segment="ID", the same ID in French and in Dutch; segments do not nest. IDs
  (docs/minutes.md):
    letterhead (set by xslt/common/letterhead.xsl), kind, body, title, meta-date, meta-place, meta-hours,
    attendance-heading, chair, present-heading, sort-note, person-present-PERSONID…,
    excused-heading, person-excused-PERSONID…,
    previous-heading, previous, previous-amendment-N,
    items-heading, item-N-heading, item-N-summary-heading, item-N-summary-M,
    item-N-decision-heading, item-N-decision-M, item-N-vote,
    closing, signatures-heading, signature-chair, signature-head-official
  The order is the same in both languages EXCEPT inside the person lists, whose lines may
  sort differently in French and in Dutch: a side-by-side layout pairs them by ID.

  Entry: mode minutes.body on m:minutes; minutes.title and minutes.reference give the page
  title and the running footer.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="https://paraph.inami.fgov.be/ns/minutes/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="m p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>

  <xsl:variable name="minutes.kind">
    <xsl:call-template name="format.capitalised">
      <xsl:with-param name="text" select="p:term('minutes', $lang)"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- The body's name in $lang: its terminology form, or its fr/nl text. -->
  <xsl:template match="m:body" mode="minutes.body-name">
    <xsl:choose>
      <xsl:when test="@term"><xsl:value-of select="p:term(string(@term), $lang)"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="format.text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:minutes" mode="minutes.reference">
    <xsl:value-of select="p:message(p:text('minutes.reference', $lang), $lang,
                                    'kind', string($minutes.kind),
                                    'meeting', string(m:meeting-number),
                                    'date', p:date(string(m:date), $lang))"/>
  </xsl:template>

  <xsl:template match="m:minutes" mode="minutes.title">
    <xsl:variable name="body">
      <xsl:apply-templates select="m:body" mode="minutes.body-name"/>
    </xsl:variable>
    <xsl:value-of select="p:message(p:text('minutes.page-title', $lang), $lang,
                                    'kind', string($minutes.kind),
                                    'body', normalize-space($body),
                                    'meeting', string(m:meeting-number))"/>
  </xsl:template>

  <xsl:template match="m:minutes" mode="minutes.body">
    <header class="doc-head">
      <xsl:call-template name="letterhead">
        <xsl:with-param name="element" select="'div'"/>
        <xsl:with-param name="service-term" select="'health-care-service'"/>
      </xsl:call-template>
    </header>
    <main class="minutes">
      <p class="doc-kind" data-segment="kind"><xsl:value-of select="p:term('minutes', $lang)"/></p>
      <p class="meeting-body" data-segment="body"><xsl:apply-templates select="m:body" mode="minutes.body-name"/></p>
      <h1 data-segment="title">
        <xsl:value-of select="p:message(p:text('minutes.title', $lang), $lang,
                                        'kind', string($minutes.kind),
                                        'meeting', string(m:meeting-number))"/>
      </h1>
      <dl class="doc-meta">
        <div data-segment="meta-date">
          <dt><xsl:value-of select="p:text('minutes.meta.date', $lang)"/></dt>
          <dd><time datetime="{m:date}"><xsl:value-of select="p:date(string(m:date), $lang, 'full')"/></time></dd>
        </div>
        <div data-segment="meta-place">
          <dt><xsl:value-of select="p:text('minutes.meta.place', $lang)"/></dt>
          <dd><xsl:apply-templates select="m:place" mode="format.text"/></dd>
        </div>
        <div data-segment="meta-hours">
          <dt><xsl:value-of select="p:text('minutes.meta.hours', $lang)"/></dt>
          <dd>
            <xsl:value-of select="p:message(p:text('minutes.meta.hours-value', $lang), $lang,
                                            'start', string(m:start), 'end', string(m:end))"/>
          </dd>
        </div>
      </dl>
      <xsl:call-template name="minutes.attendance"/>
      <xsl:apply-templates select="m:previous-minutes"/>
      <xsl:apply-templates select="m:items"/>
      <p class="closing" data-segment="closing">
        <xsl:value-of select="p:message(p:text('minutes.closing', $lang), $lang, 'end', string(m:end))"/>
      </p>
      <xsl:variable name="chair-function">
        <xsl:apply-templates select="m:chair/m:function" mode="format.text"/>
      </xsl:variable>
      <section class="signatures" aria-labelledby="signatures-heading">
        <h2 id="signatures-heading" data-segment="signatures-heading"><xsl:value-of select="p:text('minutes.signatures.heading', $lang)"/></h2>
        <div class="signature-pair">
          <div class="signature" data-segment="signature-chair">
            <p class="signatory-name"><xsl:apply-templates select="m:chair" mode="minutes.name"/></p>
            <p class="signatory-function">
              <xsl:call-template name="format.capitalised">
                <xsl:with-param name="text" select="normalize-space($chair-function)"/>
              </xsl:call-template>
            </p>
          </div>
          <div class="signature" data-segment="signature-head-official">
            <p class="signatory-name"><xsl:value-of select="m:head-official/m:name"/></p>
            <p class="signatory-function"><xsl:apply-templates select="m:head-official/m:function" mode="format.text"/></p>
          </div>
        </div>
      </section>
    </main>
  </xsl:template>

  <!-- ============================================================ people -->

  <!-- "Dr Éloïse Van Acker" / "Dr. Éloïse Van Acker" -->
  <xsl:template match="*" mode="minutes.name">
    <xsl:if test="@title">
      <xsl:value-of select="p:text(concat('minutes.honorific.', @title), $lang)"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="concat(normalize-space(m:given), ' ', normalize-space(m:family))"/>
  </xsl:template>

  <xsl:template name="minutes.attendance">
    <xsl:variable name="chair-function">
      <xsl:apply-templates select="m:chair/m:function" mode="format.text"/>
    </xsl:variable>
    <xsl:variable name="chair-name">
      <xsl:apply-templates select="m:chair" mode="minutes.name"/>
    </xsl:variable>
    <section class="attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading" data-segment="attendance-heading"><xsl:value-of select="p:text('minutes.attendance.heading', $lang)"/></h2>
      <p data-segment="chair">
        <xsl:value-of select="p:message(p:text('minutes.chair', $lang), $lang,
                                        'name', string($chair-name),
                                        'function', normalize-space($chair-function))"/>
      </p>
      <h3 data-segment="present-heading">
        <xsl:value-of select="p:message(p:text('minutes.present.heading', $lang), $lang, 'count', count(m:present/m:person))"/>
      </h3>
      <p class="sort-note" data-segment="sort-note"><xsl:value-of select="p:text('minutes.sort-note', $lang)"/></p>
      <xsl:apply-templates select="m:present">
        <xsl:with-param name="segment-prefix" select="'person-present-'"/>
      </xsl:apply-templates>
      <xsl:if test="m:excused/m:person">
        <h3 data-segment="excused-heading">
          <xsl:value-of select="p:message(p:text('minutes.excused.heading', $lang), $lang, 'count', count(m:excused/m:person))"/>
        </h3>
        <xsl:apply-templates select="m:excused">
          <xsl:with-param name="segment-prefix" select="'person-excused-'"/>
        </xsl:apply-templates>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- A person list, sorted with the collation of $lang (family name, then given name). -->
  <xsl:template match="m:present | m:excused">
    <xsl:param name="segment-prefix"/>
    <ul class="people">
      <xsl:for-each select="m:person">
        <xsl:sort select="p:collation-key(concat(normalize-space(m:family), ' ', normalize-space(m:given)), $lang)"/>
        <li data-segment="{$segment-prefix}{@id}">
          <span class="person-name"><xsl:apply-templates select="." mode="minutes.name"/></span>
          <xsl:if test="m:represents">
            <span class="person-represents">
              <xsl:text> – </xsl:text>
              <xsl:apply-templates select="m:represents" mode="format.text"/>
            </span>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ============================================================ previous minutes -->

  <xsl:template match="m:previous-minutes">
    <section class="previous-minutes" aria-labelledby="previous-heading">
      <h2 id="previous-heading" data-segment="previous-heading"><xsl:value-of select="p:text('minutes.previous.heading', $lang)"/></h2>
      <p data-segment="previous">
        <xsl:value-of select="p:message(p:text(concat('minutes.previous.', @outcome), $lang), $lang,
                                        'minutes', p:term('minutes', $lang),
                                        'meeting', string(@meeting),
                                        'date', p:date(string(@date), $lang))"/>
      </p>
      <xsl:if test="m:amendment">
        <ul class="amendments">
          <xsl:for-each select="m:amendment">
            <li data-segment="previous-amendment-{position()}"><xsl:apply-templates select="." mode="format.text"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ agenda items -->

  <xsl:template match="m:items">
    <section class="items" aria-labelledby="items-heading">
      <h2 id="items-heading" data-segment="items-heading"><xsl:value-of select="p:text('minutes.items.heading', $lang)"/></h2>
      <ol class="items-list">
        <xsl:apply-templates select="m:item"/>
      </ol>
    </section>
  </xsl:template>

  <xsl:template match="m:item">
    <xsl:variable name="n" select="count(preceding-sibling::m:item) + 1"/>
    <li class="item">
      <h3 data-segment="item-{$n}-heading">
        <span class="item-number"><xsl:value-of select="p:message(p:text('minutes.item.number', $lang), $lang, 'number', string($n))"/></span>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="m:title" mode="format.text"/>
      </h3>
      <h4 data-segment="item-{$n}-summary-heading"><xsl:value-of select="p:text('minutes.item.summary', $lang)"/></h4>
      <xsl:for-each select="m:summary/m:p">
        <p data-segment="item-{$n}-summary-{position()}"><xsl:apply-templates select="." mode="format.text"/></p>
      </xsl:for-each>
      <div class="decision">
        <h4 data-segment="item-{$n}-decision-heading">
          <xsl:value-of select="p:message(p:text('minutes.item.decision', $lang), $lang,
                                          'number', concat(/m:minutes/m:meeting-number, '-', $n))"/>
        </h4>
        <xsl:for-each select="m:decision/m:p">
          <p data-segment="item-{$n}-decision-{position()}"><xsl:apply-templates select="." mode="format.text"/></p>
        </xsl:for-each>
        <xsl:for-each select="m:decision/m:vote">
          <p class="vote" data-segment="item-{$n}-vote">
            <xsl:value-of select="p:message(p:text('minutes.vote', $lang), $lang,
                                            'for', number(@for),
                                            'against', number(@against),
                                            'abstentions', number(@abstentions))"/>
          </p>
        </xsl:for-each>
      </div>
    </li>
  </xsl:template>
</xsl:stylesheet>
