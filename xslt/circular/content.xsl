<?xml version="1.0" encoding="UTF-8"?>
<!--
  Circular to the insurers (circulaire aux organismes assureurs / omzendbrief aan de
  verzekeringsinstellingen): the body as HTML, output-neutral, for the drivers of this folder.

  Every generated word comes from catalog/l10n (p:text, keys circular.*) or
  catalog/terminology.xml (p:term); free text is output as text nodes only.

  Segments (side-by-side edition, parity checks): every aligned block carries
  data-segment="ID", the same ID in French and in Dutch, in the same order; segments do not
  nest. IDs (docs/circular.md):
    letterhead (set by xslt/common/letterhead.xsl), kind, meta-number, meta-date, meta-effective-date, subject,
    legal-basis-heading, legal-basis-N, addressees-heading, addressees-intro,
    addressee-CODE, instructions-heading, point-N-heading, point-N-p-M,
    point-N-table-T-caption, point-N-table-T-head, point-N-table-T-row-R,
    contact-heading, contact-name, contact-phone, contact-email, signature
  (N, M, T, R: positions from 1; M counts the point's paragraphs, T its tables).

  Entry: mode circular.body on c:circular; circular.title and circular.reference give the
  page title and the running footer.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="https://paraph.inami.fgov.be/ns/circular/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="c p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>

  <!-- "Circ. O.A. n° 2026/123" / "Omz. V.I. nr. 2026/123" -->
  <xsl:template match="c:circular" mode="circular.reference">
    <xsl:value-of select="p:message(p:text('circular.number', $lang), $lang,
                                    'abbr', p:term-abbr('circular-to-insurers', $lang),
                                    'number', string(c:number))"/>
  </xsl:template>

  <xsl:template match="c:circular" mode="circular.title">
    <xsl:variable name="subject">
      <xsl:apply-templates select="c:subject" mode="format.text"/>
    </xsl:variable>
    <xsl:value-of select="p:message(p:text('circular.title', $lang), $lang,
                                    'abbr', p:term-abbr('circular-to-insurers', $lang),
                                    'number', string(c:number),
                                    'subject', normalize-space($subject))"/>
  </xsl:template>

  <xsl:template match="c:circular" mode="circular.body">
    <header class="doc-head">
      <xsl:call-template name="letterhead">
        <xsl:with-param name="element" select="'div'"/>
        <xsl:with-param name="service-term" select="'health-care-service'"/>
      </xsl:call-template>
    </header>
    <main class="circular">
      <p class="doc-kind" data-segment="kind"><xsl:value-of select="p:term('circular-to-insurers', $lang)"/></p>
      <dl class="doc-meta">
        <div data-segment="meta-number">
          <dt><xsl:value-of select="p:text('circular.meta.number', $lang)"/></dt>
          <dd><xsl:apply-templates select="." mode="circular.reference"/></dd>
        </div>
        <div data-segment="meta-date">
          <dt><xsl:value-of select="p:text('circular.meta.date', $lang)"/></dt>
          <dd><time datetime="{c:date}"><xsl:value-of select="p:date(string(c:date), $lang)"/></time></dd>
        </div>
        <div data-segment="meta-effective-date" class="effective-date">
          <dt><xsl:value-of select="p:text('circular.meta.effective-date', $lang)"/></dt>
          <dd><time datetime="{c:effective-date}"><xsl:value-of select="p:date(string(c:effective-date), $lang)"/></time></dd>
        </div>
      </dl>
      <h1 class="subject" data-segment="subject">
        <span class="subject-label"><xsl:value-of select="p:text('circular.subject.label', $lang)"/></span>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="c:subject" mode="format.text"/>
      </h1>
      <xsl:apply-templates select="c:legal-basis"/>
      <xsl:apply-templates select="c:addressees"/>
      <xsl:apply-templates select="c:instructions"/>
      <xsl:apply-templates select="c:contact"/>
      <xsl:apply-templates select="c:signatory"/>
    </main>
  </xsl:template>

  <!-- ============================================================ legal basis -->

  <xsl:template match="c:legal-basis">
    <section class="legal-basis" aria-labelledby="legal-basis-heading">
      <h2 id="legal-basis-heading" data-segment="legal-basis-heading"><xsl:value-of select="p:text('circular.legal-basis.heading', $lang)"/></h2>
      <ul class="legal-basis-list">
        <xsl:for-each select="c:p">
          <li data-segment="legal-basis-{position()}"><xsl:apply-templates select="." mode="format.text"/></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- ============================================================ addressees -->

  <xsl:template match="c:addressees">
    <section class="addressees" aria-labelledby="addressees-heading">
      <h2 id="addressees-heading" data-segment="addressees-heading"><xsl:value-of select="p:text('circular.addressees.heading', $lang)"/></h2>
      <p data-segment="addressees-intro"><xsl:value-of select="p:text('circular.addressees.intro', $lang)"/></p>
      <ul class="insurers">
        <xsl:for-each select="c:insurer">
          <li data-segment="addressee-{@code}">
            <xsl:value-of select="p:text(concat('circular.insurer.', @code), $lang)"/>
            <xsl:text> </xsl:text>
            <span class="insurer-code">(<xsl:value-of select="@code"/>)</span>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- ============================================================ instructions -->

  <xsl:template match="c:instructions">
    <section class="instructions" aria-labelledby="instructions-heading">
      <h2 id="instructions-heading" data-segment="instructions-heading"><xsl:value-of select="p:text('circular.instructions.heading', $lang)"/></h2>
      <ol class="points">
        <xsl:apply-templates select="c:point"/>
      </ol>
    </section>
  </xsl:template>

  <xsl:template match="c:point">
    <xsl:variable name="n" select="count(preceding-sibling::c:point) + 1"/>
    <li class="point">
      <h3 data-segment="point-{$n}-heading">
        <span class="point-number"><xsl:value-of select="p:message(p:text('circular.point.number', $lang), $lang, 'number', string($n))"/></span>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="c:heading" mode="format.text"/>
      </h3>
      <xsl:for-each select="c:p | c:table">
        <xsl:choose>
          <xsl:when test="self::c:p">
            <p data-segment="point-{$n}-p-{count(preceding-sibling::c:p) + 1}"><xsl:apply-templates select="." mode="format.text"/></p>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select=".">
              <xsl:with-param name="segment" select="concat('point-', $n, '-table-', count(preceding-sibling::c:table) + 1)"/>
            </xsl:apply-templates>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </li>
  </xsl:template>

  <xsl:template match="c:table">
    <xsl:param name="segment"/>
    <table class="data">
      <caption data-segment="{$segment}-caption"><xsl:apply-templates select="c:caption" mode="format.text"/></caption>
      <thead>
        <tr data-segment="{$segment}-head">
          <xsl:for-each select="c:columns/c:column">
            <th scope="col">
              <xsl:attribute name="class">
                <xsl:call-template name="circular.cell-class">
                  <xsl:with-param name="cells" select="../../c:row/*[count(current()/preceding-sibling::c:column) + 1]"/>
                </xsl:call-template>
              </xsl:attribute>
              <xsl:apply-templates select="." mode="format.text"/>
            </th>
          </xsl:for-each>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="c:row">
          <tr data-segment="{$segment}-row-{position()}">
            <xsl:for-each select="*">
              <xsl:choose>
                <xsl:when test="position() = 1">
                  <th scope="row" class="{local-name()}"><xsl:apply-templates select="." mode="circular.cell"/></th>
                </xsl:when>
                <xsl:otherwise>
                  <td class="{local-name()}"><xsl:apply-templates select="." mode="circular.cell"/></td>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- A column whose cells are all amounts or numbers is right-aligned, header included. -->
  <xsl:template name="circular.cell-class">
    <xsl:param name="cells"/>
    <xsl:choose>
      <xsl:when test="$cells and not($cells[not(self::c:amount)])">amount</xsl:when>
      <xsl:when test="$cells and not($cells[not(self::c:number)])">number</xsl:when>
      <xsl:otherwise>text</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:text" mode="circular.cell">
    <xsl:apply-templates select="." mode="format.text"/>
  </xsl:template>
  <xsl:template match="c:code" mode="circular.cell">
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>
  <xsl:template match="c:amount" mode="circular.cell">
    <xsl:value-of select="p:money(string(.), $lang)"/>
  </xsl:template>
  <xsl:template match="c:number" mode="circular.cell">
    <xsl:value-of select="p:number(string(.), $lang)"/>
  </xsl:template>
  <xsl:template match="c:date" mode="circular.cell">
    <time datetime="{.}"><xsl:value-of select="p:date(string(.), $lang)"/></time>
  </xsl:template>

  <!-- ============================================================ contact and signature -->

  <xsl:template match="c:contact">
    <section class="contact" aria-labelledby="contact-heading">
      <h2 id="contact-heading" data-segment="contact-heading"><xsl:value-of select="p:text('circular.contact.heading', $lang)"/></h2>
      <p data-segment="contact-name">
        <xsl:value-of select="c:name"/>
        <br/>
        <xsl:apply-templates select="c:service" mode="format.text"/>
      </p>
      <xsl:if test="normalize-space(c:phone) != ''">
        <p data-segment="contact-phone">
          <xsl:value-of select="p:text('circular.contact.phone', $lang)"/>
          <xsl:text> </xsl:text>
          <a>
            <xsl:attribute name="href">
              <xsl:call-template name="format.tel-href">
                <xsl:with-param name="phone" select="string(c:phone)"/>
              </xsl:call-template>
            </xsl:attribute>
            <xsl:value-of select="c:phone"/>
          </a>
        </p>
      </xsl:if>
      <xsl:if test="normalize-space(c:email) != ''">
        <p data-segment="contact-email">
          <xsl:value-of select="p:text('circular.contact.email', $lang)"/>
          <xsl:text> </xsl:text>
          <a href="mailto:{normalize-space(c:email)}"><xsl:value-of select="normalize-space(c:email)"/></a>
        </p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="c:signatory">
    <div class="signature" data-segment="signature">
      <p><xsl:value-of select="p:message(p:text('circular.signature.for', $lang), $lang, 'institute', p:term('institute', $lang))"/></p>
      <p class="signatory-name"><xsl:value-of select="c:name"/></p>
      <p class="signatory-function"><xsl:apply-templates select="c:function" mode="format.text"/></p>
    </div>
  </xsl:template>
</xsl:stylesheet>
