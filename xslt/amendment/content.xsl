<?xml version="1.0" encoding="UTF-8"?>
<!--
  Amendment to a convention (avenant / wijzigingsclausule): the body of the document as
  HTML, output-neutral, for the drivers of this folder (html.xsl; the side-by-side FR|NL
  driver reuses it).

  An amendment is printed on its own: it cannot see the convention it amends. So every
  article number it prints is one the input states (operations' @article-number, the
  number today; ref/@number, the number in the convention as amended), and consolidation
  (server/pipeline/Consolidation) checks them all against the convention. The amendment's
  own articles are its operations, numbered by position, plus a last one generated from
  term/effective-date ("Le présent avenant entre en vigueur le …").

  Layout, as Belgian amendments are written:
    letterhead; "Avenant n° 1 à la convention n° 7.72.015" + subject; parties (as in the
    convention); preamble (the law, "Vu la convention n° …", the visas, the Committee's
    decision, "il est convenu ce qui suit :");
    per operation an article: "L'article 7 de la convention est remplacé par ce qui suit :"
    followed by the new text between quotation marks; "… il est inséré après l'article 9
    un article rédigé comme suit :"; "L'article 2 de la convention est abrogé."; the new
    financing as the staffing table and the cost calculation (from e:budget, which the
    enrichment convention-budget computes from replace-financing, as for a convention);
    the entry into force; signatures.
  Placeholders inside a new text (<staffing-table/>, <budget-table/>, <term-clause/>) are
  printed as a bracketed note naming where the table is (this amendment's financing
  article, or the convention's unchanged one): the tables are printed once.

  Segments (data-segment, identical in FR and NL, in document order, never nested):
    title, parties-heading, party-committee, party-establishment,
    preamble-1…n, preamble-agreed,
    art-K (the amendment's K-th article), art-K-intro (its sentence),
    art-K-q-head (quoted heading), art-K-q-p-M, art-K-q-p-M-item-J (quoted blocks),
    staff-head, staff-row-J, staff-total, budget-head, budget-staff-J, budget-staff-total,
      budget-operating-J, budget-operating-total, budget-total, budget-words,
      budget-divisor, budget-rate, budget-note (the new financing, as in the convention),
    signatures-heading, signature-place, signature-committee, signature-establishment.

  Every generated word comes from catalog/l10n (p:text: amendment.*, and convention.* for
  what an amendment shares with the convention) or catalog/terminology.xml (p:term); free
  text is output as text nodes only.

  Entry: mode amendment.body on a:amendment.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="https://paraph.inami.fgov.be/ns/amendment/1"
                xmlns:e="https://paraph.inami.fgov.be/ns/enrichment/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="a e p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>

  <xsl:variable name="committee" select="p:term('health-care-insurance-committee', $lang)"/>
  <xsl:variable name="fte-abbr" select="p:term-abbr('full-time-equivalent', $lang)"/>
  <xsl:variable name="convention-number" select="string(/a:amendment/a:convention/@number)"/>
  <xsl:variable name="amendment-number" select="normalize-space(/a:amendment/a:number)"/>
  <xsl:variable name="financing" select="/a:amendment/a:operations/a:replace-financing[1]"/>
  <xsl:variable name="budget" select="/a:amendment/e:enrichment[last()]/e:budget"/>
  <!-- The number of this amendment's article that sets the new financing (its position). -->
  <xsl:variable name="financing-article" select="count($financing/preceding-sibling::*) + 1"/>

  <xsl:template match="a:amendment" mode="amendment.title">
    <xsl:value-of select="p:message(p:text('amendment.page-title', $lang), $lang,
                                    'amendment', $amendment-number,
                                    'number', $convention-number,
                                    'title', normalize-space(a:title/*[local-name() = $lang]))"/>
  </xsl:template>

  <xsl:template match="a:amendment" mode="amendment.running-reference">
    <xsl:value-of select="p:message(p:text('amendment.running-reference', $lang), $lang,
                                    'amendment', $amendment-number, 'number', $convention-number)"/>
  </xsl:template>

  <xsl:template match="a:amendment" mode="amendment.body">
    <xsl:if test="$financing and not($budget/e:rate)">
      <xsl:message terminate="yes">amendment <xsl:value-of select="@id"/>: the new financing has no cost calculation (e:enrichment/e:budget); the enrichment convention-budget must run before the transform</xsl:message>
    </xsl:if>
    <div class="convention amendment">
      <xsl:call-template name="letterhead">
        <xsl:with-param name="service-term" select="'health-care-service'"/>
        <xsl:with-param name="body-term" select="'health-care-insurance-committee'"/>
      </xsl:call-template>
      <main class="convention-body">
        <h1 class="convention-title" data-segment="title">
          <span class="convention-kind">
            <xsl:call-template name="amendment.with-identifier">
              <xsl:with-param name="text" select="p:message(p:text('amendment.kind', $lang), $lang,
                                                            'amendment', $amendment-number, 'number', '@@')"/>
              <xsl:with-param name="identifier" select="$convention-number"/>
            </xsl:call-template>
          </span>
          <span class="convention-subject"><xsl:apply-templates select="a:title" mode="format.text"/></span>
        </h1>
        <xsl:apply-templates select="a:parties"/>
        <xsl:apply-templates select="a:preamble"/>
        <section class="operations">
          <xsl:attribute name="aria-label"><xsl:value-of select="normalize-space(a:title/*[local-name() = $lang])"/></xsl:attribute>
          <xsl:apply-templates select="a:operations/*"/>
          <xsl:call-template name="amendment.effective"/>
        </section>
        <xsl:apply-templates select="a:signatures"/>
      </main>
    </div>
  </xsl:template>

  <!-- $text with '@@' where an official identifier goes (see xslt/convention/content.xsl). -->
  <xsl:template name="amendment.with-identifier">
    <xsl:param name="text"/>
    <xsl:param name="identifier"/>
    <xsl:value-of select="substring-before($text, '@@')"/>
    <span class="identifier" translate="no"><xsl:value-of select="$identifier"/></span>
    <xsl:value-of select="substring-after($text, '@@')"/>
  </xsl:template>

  <!-- "l'ASBL X" / "de vzw X", "le CPAS de Y" / "het OCMW van Y" -->
  <xsl:template name="amendment.organiser">
    <xsl:variable name="organiser" select="/a:amendment/a:parties/a:establishment/a:organiser"/>
    <xsl:value-of select="p:message(p:text('convention.organiser', $lang), $lang,
                                    'form', translate($organiser/@legal-form, '-', ''),
                                    'name', normalize-space($organiser/*[local-name() = $lang]))"/>
  </xsl:template>

  <!-- ============================================================ parties (as in the convention) -->

  <xsl:template match="a:parties">
    <section class="parties" aria-labelledby="parties-heading">
      <h2 id="parties-heading" data-segment="parties-heading"><xsl:value-of select="p:text('convention.parties.heading', $lang)"/></h2>
      <xsl:apply-templates select="a:committee"/>
      <xsl:apply-templates select="a:establishment"/>
    </section>
  </xsl:template>

  <xsl:template match="a:committee">
    <div class="party" data-segment="party-committee">
      <p class="party-side"><xsl:value-of select="p:text('convention.parties.first', $lang)"/></p>
      <p class="party-name">
        <xsl:value-of select="p:message(p:text('convention.parties.committee', $lang), $lang,
                                        'committee', $committee,
                                        'service', p:term('health-care-service', $lang),
                                        'institute', p:term('institute', $lang),
                                        'abbr', p:term-abbr('institute', $lang),
                                        'street', p:text('letterhead.address.street', $lang),
                                        'city', p:text('letterhead.address.city', $lang))"/>
      </p>
      <p><xsl:value-of select="p:text('convention.parties.committee.represented', $lang)"/></p>
      <xsl:call-template name="amendment.representatives"/>
      <p><xsl:value-of select="p:text('convention.parties.committee.short', $lang)"/></p>
    </div>
  </xsl:template>

  <xsl:template match="a:establishment">
    <xsl:variable name="form" select="translate(a:organiser/@legal-form, '-', '')"/>
    <div class="party" data-segment="party-establishment">
      <p class="party-side"><xsl:value-of select="p:text('convention.parties.second', $lang)"/></p>
      <p class="party-name">
        <xsl:variable name="organiser"><xsl:call-template name="amendment.organiser"/></xsl:variable>
        <xsl:call-template name="amendment.with-identifier">
          <xsl:with-param name="text" select="p:message(p:text('convention.parties.organiser', $lang), $lang,
                                                        'organiser', string($organiser), 'number', '@@')"/>
          <xsl:with-param name="identifier" select="string(a:enterprise-number)"/>
        </xsl:call-template>
      </p>
      <p class="establishment-name"><strong><xsl:apply-templates select="a:name" mode="format.text"/></strong></p>
      <p class="establishment-number">
        <xsl:call-template name="amendment.with-identifier">
          <xsl:with-param name="text" select="p:message(p:text('convention.parties.establishment.number', $lang), $lang,
                                                        'abbr', p:term-abbr('institute', $lang), 'number', '@@')"/>
          <xsl:with-param name="identifier" select="string(a:inami-number)"/>
        </xsl:call-template>
      </p>
      <address>
        <xsl:value-of select="a:address/a:street"/>
        <br/>
        <xsl:value-of select="concat(a:address/a:postal-code, ' ', a:address/a:city)"/>
      </address>
      <p><xsl:value-of select="p:message(p:text('convention.parties.establishment.represented', $lang), $lang, 'form', $form)"/></p>
      <xsl:call-template name="amendment.representatives"/>
      <p><xsl:value-of select="p:message(p:text('convention.parties.establishment.short', $lang), $lang, 'form', $form)"/></p>
    </div>
  </xsl:template>

  <xsl:template name="amendment.representatives">
    <ul class="representatives">
      <xsl:for-each select="a:signatory">
        <li>
          <xsl:value-of select="a:name"/>
          <xsl:text>, </xsl:text>
          <xsl:apply-templates select="a:function" mode="format.text"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ============================================================ preamble -->

  <!-- The law, the convention amended, the visas typed by staff, the Committee's decision. -->
  <xsl:template match="a:preamble">
    <section class="preamble">
      <xsl:attribute name="aria-label"><xsl:value-of select="p:text('convention.preamble.label', $lang)"/></xsl:attribute>
      <p class="visa" data-segment="preamble-1">
        <xsl:value-of select="p:message(p:text('convention.preamble.law', $lang), $lang, 'article', string(@law-article))"/>
      </p>
      <p class="visa" data-segment="preamble-2">
        <xsl:call-template name="amendment.with-identifier">
          <xsl:with-param name="text" select="p:message(p:text('amendment.preamble.convention', $lang), $lang, 'number', '@@')"/>
          <xsl:with-param name="identifier" select="$convention-number"/>
        </xsl:call-template>
      </p>
      <xsl:for-each select="a:visa">
        <p class="visa" data-segment="preamble-{position() + 2}">
          <xsl:apply-templates select="*[local-name() = $lang]/node()" mode="amendment.inline"/>
        </p>
      </xsl:for-each>
      <p class="visa" data-segment="preamble-{count(a:visa) + 3}">
        <xsl:value-of select="p:message(p:text('convention.preamble.decision', $lang), $lang,
                                        'committee', $committee,
                                        'date', p:date(string(a:committee-decision), $lang))"/>
      </p>
      <p class="agreed" data-segment="preamble-agreed"><xsl:value-of select="p:text('convention.preamble.agreed', $lang)"/></p>
    </section>
  </xsl:template>

  <!-- ============================================================ the amendment's articles -->

  <!-- The heading of the amendment's K-th article: "Article 1er" / "Artikel 1". -->
  <xsl:template name="amendment.article-heading">
    <xsl:param name="number"/>
    <h2 id="h-art-{$number}" data-segment="art-{$number}">
      <xsl:value-of select="p:message(p:text('convention.article.heading', $lang), $lang, 'number', string($number))"/>
    </h2>
  </xsl:template>

  <xsl:template match="a:replace-article | a:insert-article | a:repeal-article | a:replace-financing">
    <xsl:variable name="number" select="position()"/>
    <xsl:variable name="key">
      <xsl:choose>
        <xsl:when test="self::a:replace-article">amendment.replace</xsl:when>
        <xsl:when test="self::a:insert-article[@after]">amendment.insert.after</xsl:when>
        <xsl:when test="self::a:insert-article">amendment.insert.before</xsl:when>
        <xsl:when test="self::a:repeal-article">amendment.repeal</xsl:when>
        <xsl:otherwise>amendment.financing</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section class="article operation" aria-labelledby="h-art-{$number}">
      <xsl:call-template name="amendment.article-heading">
        <xsl:with-param name="number" select="$number"/>
      </xsl:call-template>
      <p class="operation-intro" data-segment="art-{$number}-intro">
        <xsl:value-of select="p:message(p:text(string($key), $lang), $lang, 'number', string(@article-number))"/>
      </p>
      <xsl:choose>
        <xsl:when test="self::a:replace-financing">
          <xsl:apply-templates select="a:staffing"/>
          <xsl:apply-templates select="." mode="amendment.budget"/>
        </xsl:when>
        <xsl:when test="self::a:replace-article or self::a:insert-article">
          <xsl:apply-templates select="." mode="amendment.quoted">
            <xsl:with-param name="prefix" select="concat('art-', $number, '-q')"/>
          </xsl:apply-templates>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The last article: from when the amended convention applies. -->
  <xsl:template name="amendment.effective">
    <xsl:variable name="number" select="count(/a:amendment/a:operations/*) + 1"/>
    <section class="article" aria-labelledby="h-art-{$number}">
      <xsl:call-template name="amendment.article-heading">
        <xsl:with-param name="number" select="$number"/>
      </xsl:call-template>
      <p data-segment="art-{$number}-p-1">
        <xsl:value-of select="p:message(p:text('amendment.effective', $lang), $lang,
                                        'date', p:date(string(/a:amendment/a:term/a:effective-date), $lang))"/>
      </p>
    </section>
  </xsl:template>

  <!--
    The new text of an article, between quotation marks: its heading ("« Article 7. –
    Facturation" for a replaced article, which keeps its number; "« Protection des données"
    for an inserted one, whose number the consolidated text gives), then its blocks; the
    closing mark ends the last block. An inserted article without a title opens the quotation
    in its first block.
  -->
  <xsl:template match="a:replace-article | a:insert-article" mode="amendment.quoted">
    <xsl:param name="prefix"/>
    <xsl:variable name="open" select="p:text('amendment.quote.open', $lang)"/>
    <xsl:variable name="title" select="normalize-space(a:title/*[local-name() = $lang])"/>
    <xsl:variable name="heading">
      <xsl:choose>
        <xsl:when test="self::a:replace-article and a:title">
          <xsl:value-of select="p:message(p:text('convention.article.heading.titled', $lang), $lang,
                                          'number', string(@article-number), 'title', $title)"/>
        </xsl:when>
        <xsl:when test="self::a:replace-article">
          <xsl:value-of select="p:message(p:text('convention.article.heading', $lang), $lang, 'number', string(@article-number))"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <blockquote class="amended-text">
      <xsl:if test="string($heading) != ''">
        <p class="quoted-heading" data-segment="{$prefix}-head"><xsl:value-of select="concat($open, $heading)"/></p>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::a:title)]" mode="amendment.block">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="opens" select="string($heading) = ''"/>
      </xsl:apply-templates>
    </blockquote>
  </xsl:template>

  <!-- The quotation marks around a new text: before the first block when $opens, after the last. -->
  <xsl:template name="amendment.open-mark">
    <xsl:param name="opens"/>
    <xsl:if test="$opens and not(preceding-sibling::*[not(self::a:title)])">
      <xsl:value-of select="p:text('amendment.quote.open', $lang)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="amendment.close-mark">
    <xsl:if test="not(following-sibling::*)">
      <xsl:value-of select="p:text('amendment.quote.close', $lang)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:p" mode="amendment.block">
    <xsl:param name="prefix"/>
    <xsl:param name="opens"/>
    <p data-segment="{$prefix}-p-{count(preceding-sibling::*[not(self::a:title)]) + 1}">
      <xsl:call-template name="amendment.open-mark"><xsl:with-param name="opens" select="$opens"/></xsl:call-template>
      <xsl:apply-templates select="*[local-name() = $lang]/node()" mode="amendment.inline"/>
      <xsl:call-template name="amendment.close-mark"/>
    </p>
  </xsl:template>

  <xsl:template match="a:list" mode="amendment.block">
    <xsl:param name="prefix"/>
    <xsl:param name="opens"/>
    <xsl:variable name="id" select="concat($prefix, '-p-', count(preceding-sibling::*[not(self::a:title)]) + 1)"/>
    <xsl:variable name="list" select="."/>
    <xsl:variable name="items">
      <xsl:for-each select="a:item">
        <li data-segment="{$id}-item-{position()}">
          <xsl:if test="position() = 1">
            <xsl:for-each select="$list">
              <xsl:call-template name="amendment.open-mark"><xsl:with-param name="opens" select="$opens"/></xsl:call-template>
            </xsl:for-each>
          </xsl:if>
          <xsl:apply-templates select="*[local-name() = $lang]/node()" mode="amendment.inline"/>
          <xsl:if test="position() = last()">
            <xsl:for-each select="$list"><xsl:call-template name="amendment.close-mark"/></xsl:for-each>
          </xsl:if>
        </li>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@style = 'numbered'"><ol class="numbered"><xsl:copy-of select="$items"/></ol></xsl:when>
      <xsl:otherwise><ul><xsl:copy-of select="$items"/></ul></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A computed part of the convention inside a new text: a note saying where its table is. -->
  <xsl:template match="a:staffing-table | a:budget-table | a:term-clause" mode="amendment.block">
    <xsl:param name="prefix"/>
    <xsl:param name="opens"/>
    <p class="placeholder" data-segment="{$prefix}-p-{count(preceding-sibling::*[not(self::a:title)]) + 1}">
      <xsl:call-template name="amendment.open-mark"><xsl:with-param name="opens" select="$opens"/></xsl:call-template>
      <xsl:value-of select="p:message(p:text(concat('amendment.placeholder.', local-name()), $lang), $lang,
                                      'financing', string(boolean($financing)),
                                      'article', string($financing-article))"/>
      <xsl:call-template name="amendment.close-mark"/>
    </p>
  </xsl:template>

  <!-- ============================================================ inline text -->

  <xsl:template match="text()" mode="amendment.inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- The number stated by the amendment (the target's number in the convention as amended). -->
  <xsl:template match="a:ref[@article]" mode="amendment.inline">
    <span class="ref"><xsl:value-of select="p:message(p:text('convention.ref.article', $lang), $lang, 'number', string(@number))"/></span>
  </xsl:template>

  <xsl:template match="a:ref[@annex]" mode="amendment.inline">
    <span class="ref"><xsl:value-of select="p:message(p:text('convention.ref.annex', $lang), $lang, 'number', string(@number))"/></span>
  </xsl:template>

  <xsl:template match="a:figure" mode="amendment.inline">
    <span class="figure">
      <xsl:choose>
        <xsl:when test="@name = 'rate'"><xsl:value-of select="p:money(string($budget/e:rate), $lang)"/></xsl:when>
        <xsl:when test="@name = 'annual-budget'"><xsl:value-of select="p:money(string($budget/e:annual-budget), $lang)"/></xsl:when>
        <xsl:when test="@name = 'staff-total'"><xsl:value-of select="p:money(string($budget/e:staff-total), $lang)"/></xsl:when>
        <xsl:when test="@name = 'operating-total'"><xsl:value-of select="p:money(string($budget/e:operating-total), $lang)"/></xsl:when>
        <xsl:when test="@name = 'capacity'"><xsl:value-of select="p:number(string($financing/a:capacity), $lang)"/></xsl:when>
        <xsl:when test="@name = 'activity-days'"><xsl:value-of select="p:number(string($financing/a:activity-days), $lang)"/></xsl:when>
        <xsl:when test="@name = 'total-fte'"><xsl:value-of select="p:number($total-fte, $lang, 2, 2)"/></xsl:when>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- ============================================================ the new financing -->

  <!-- The total FTE as a plain decimal ("13.25"), summed exactly in hundredths. -->
  <xsl:variable name="total-fte">
    <xsl:call-template name="amendment.fte-sum">
      <xsl:with-param name="functions" select="$financing/a:staffing/a:function"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="amendment.fte-sum">
    <xsl:param name="functions"/>
    <xsl:param name="hundredths" select="0"/>
    <xsl:choose>
      <xsl:when test="$functions">
        <xsl:call-template name="amendment.fte-sum">
          <xsl:with-param name="functions" select="$functions[position() &gt; 1]"/>
          <xsl:with-param name="hundredths" select="$hundredths + round(number($functions[1]/@fte) * 100)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(floor($hundredths div 100), '.', format-number($hundredths mod 100, '00'))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="amendment.fte-abbr">
    <abbr title="{p:term('full-time-equivalent', $lang)}"><xsl:value-of select="$fte-abbr"/></abbr>
  </xsl:template>

  <xsl:template match="a:staffing">
    <table class="staffing">
      <caption><xsl:value-of select="p:text('convention.staffing.caption', $lang)"/></caption>
      <thead>
        <tr data-segment="staff-head">
          <th scope="col"><xsl:value-of select="p:text('convention.staffing.function', $lang)"/></th>
          <th scope="col" class="number"><xsl:call-template name="amendment.fte-abbr"/></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="a:function">
          <tr data-segment="staff-row-{position()}">
            <th scope="row"><xsl:apply-templates select="a:label" mode="format.text"/></th>
            <td class="number"><xsl:value-of select="p:number(string(@fte), $lang, 2, 2)"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
      <tfoot>
        <tr class="total" data-segment="staff-total">
          <th scope="row"><xsl:value-of select="p:text('convention.staffing.total', $lang)"/></th>
          <td class="number"><xsl:value-of select="p:number(string($total-fte), $lang, 2, 2)"/></td>
        </tr>
      </tfoot>
    </table>
  </xsl:template>

  <xsl:template match="a:replace-financing" mode="amendment.budget">
    <xsl:variable name="unit" select="string($budget/@rate-unit)"/>
    <table class="budget">
      <caption><xsl:value-of select="p:text('convention.budget.caption', $lang)"/></caption>
      <thead>
        <tr data-segment="budget-head">
          <th scope="col"><xsl:value-of select="p:text('convention.budget.item', $lang)"/></th>
          <th scope="col" class="number"><xsl:call-template name="amendment.fte-abbr"/></th>
          <th scope="col" class="number">
            <xsl:value-of select="p:message(p:text('convention.budget.annual-cost', $lang), $lang, 'fte', $fte-abbr)"/>
          </th>
          <th scope="col" class="number"><xsl:value-of select="p:text('convention.budget.amount', $lang)"/></th>
        </tr>
      </thead>
      <tbody class="staff">
        <xsl:for-each select="a:staffing/a:function">
          <xsl:variable name="k" select="position()"/>
          <xsl:variable name="computed" select="$budget/e:staff-line[number(@position) = $k]"/>
          <tr data-segment="budget-staff-{$k}">
            <th scope="row"><xsl:apply-templates select="a:label" mode="format.text"/></th>
            <td class="number"><xsl:value-of select="p:number(string(@fte), $lang, 2, 2)"/></td>
            <td class="amount"><xsl:value-of select="p:money(string($computed/@annual-cost), $lang)"/></td>
            <td class="amount"><xsl:value-of select="p:money(string($computed/@cost), $lang)"/></td>
          </tr>
        </xsl:for-each>
        <tr class="subtotal" data-segment="budget-staff-total">
          <th scope="row" colspan="3"><xsl:value-of select="p:text('convention.budget.staff-total', $lang)"/></th>
          <td class="amount"><xsl:value-of select="p:money(string($budget/e:staff-total), $lang)"/></td>
        </tr>
      </tbody>
      <tbody class="operating">
        <xsl:for-each select="a:operating-costs/a:item">
          <tr data-segment="budget-operating-{position()}">
            <th scope="row" colspan="3"><xsl:apply-templates select="a:label" mode="format.text"/></th>
            <td class="amount"><xsl:value-of select="p:money(string(a:amount), $lang)"/></td>
          </tr>
        </xsl:for-each>
        <tr class="subtotal" data-segment="budget-operating-total">
          <th scope="row" colspan="3"><xsl:value-of select="p:text('convention.budget.operating-total', $lang)"/></th>
          <td class="amount"><xsl:value-of select="p:money(string($budget/e:operating-total), $lang)"/></td>
        </tr>
      </tbody>
      <tbody class="result">
        <tr class="total" data-segment="budget-total">
          <th scope="row" colspan="3"><xsl:value-of select="p:text('convention.budget.annual-budget', $lang)"/></th>
          <td class="amount"><strong><xsl:value-of select="p:money(string($budget/e:annual-budget), $lang)"/></strong></td>
        </tr>
        <tr data-segment="budget-words">
          <th scope="row"><xsl:value-of select="p:text('convention.budget.in-words', $lang)"/></th>
          <td colspan="3" class="amount-words"><xsl:value-of select="p:money-words(string($budget/e:annual-budget), $lang)"/></td>
        </tr>
        <tr data-segment="budget-divisor">
          <th scope="row"><xsl:value-of select="p:text(concat('convention.budget.divisor.', $unit), $lang)"/></th>
          <td colspan="3" class="amount">
            <xsl:value-of select="p:message(p:text(concat('convention.budget.divisor-value.', $unit), $lang), $lang,
                                            'capacity', normalize-space(a:capacity),
                                            'days', normalize-space(a:activity-days),
                                            'divisor', normalize-space($budget/e:divisor))"/>
          </td>
        </tr>
        <tr class="total rate" data-segment="budget-rate">
          <th scope="row" colspan="3"><xsl:value-of select="p:text(concat('convention.budget.rate.', $unit), $lang)"/></th>
          <td class="amount"><strong><xsl:value-of select="p:money(string($budget/e:rate), $lang)"/></strong></td>
        </tr>
      </tbody>
    </table>
    <p class="budget-note" data-segment="budget-note">
      <xsl:value-of select="p:message(p:text('convention.budget.note', $lang), $lang, 'fte', $fte-abbr)"/>
    </p>
  </xsl:template>

  <!-- ============================================================ signatures -->

  <xsl:template match="a:signatures">
    <section class="signatures" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading" data-segment="signatures-heading"><xsl:value-of select="p:text('convention.signatures.heading', $lang)"/></h2>
      <p class="signature-place" data-segment="signature-place">
        <xsl:value-of select="p:message(p:text('convention.signatures.place', $lang), $lang,
                                        'place', normalize-space(a:place/*[local-name() = $lang]),
                                        'date', p:date(string(a:date), $lang))"/>
      </p>
      <div class="signature-blocks">
        <div class="signature" data-segment="signature-committee">
          <p class="signature-for">
            <xsl:value-of select="p:message(p:text('convention.signatures.for-committee', $lang), $lang, 'committee', $committee)"/>
          </p>
          <xsl:apply-templates select="../a:parties/a:committee/a:signatory"/>
        </div>
        <div class="signature" data-segment="signature-establishment">
          <p class="signature-for">
            <xsl:variable name="organiser"><xsl:call-template name="amendment.organiser"/></xsl:variable>
            <xsl:value-of select="p:message(p:text('convention.signatures.for-establishment', $lang), $lang, 'organiser', string($organiser))"/>
          </p>
          <xsl:apply-templates select="../a:parties/a:establishment/a:signatory"/>
        </div>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="a:signatory">
    <div class="signatory">
      <p class="signatory-name"><xsl:value-of select="a:name"/></p>
      <p class="signatory-function"><xsl:apply-templates select="a:function" mode="format.text"/></p>
    </div>
  </xsl:template>
</xsl:stylesheet>
