<?xml version="1.0" encoding="UTF-8"?>
<!--
  Convention (convention / overeenkomst): the body of the document as HTML, output-neutral,
  for the drivers of this folder (html.xsl today; the side-by-side FR|NL driver reuses it).

  Reads the input (namespace c) and the enrichment the C++ appends as the last child of the
  root (namespace e): e:budget, the cost calculation (staff lines, totals, annual budget,
  divisor, rate). Never computes money: amounts are formatted, not added. The one sum made
  here is the total FTE of the staffing table (a count in hundredths, exact in integers).
  Without the enrichment the transform stops: a convention never goes out without figures.

  Numbers are computed from positions, never typed: chapter (I, II…), article (1, 2…, in
  the whole convention), annex (1, 2…); <ref article="ID"/> prints "article N" / "artikel N".

  Segments for the side-by-side edition: every aligned block carries data-segment, with the
  same id in FR and NL, in document order, never nested (table captions are not segments:
  a caption cannot stand outside its table; the rows are):
    title, sector, parties-heading, party-committee, party-establishment,
    preamble-1…n, preamble-agreed,
    chapter-C, art-N, art-N-p-M (M = the block's position in the article: p, list,
      table or term clause), art-N-p-M-item-K (list items),
    staff-head, staff-row-K, staff-total,
    budget-head, budget-staff-K, budget-staff-total, budget-operating-K,
      budget-operating-total, budget-total, budget-words, budget-divisor, budget-rate,
      budget-note,
    signatures-heading, signature-place, signature-committee, signature-establishment,
    annex-A, annex-A-p-M, annex-A-p-M-item-K,
    amended-by-K (consolidated text: the K-th amendment applied, under the title).

  Every generated word comes from catalog/l10n (p:text, keys convention.*, letterhead.*)
  or catalog/terminology.xml (p:term); free text is output as text nodes only.

  Entry: mode convention.body on c:convention.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="https://paraph.inami.fgov.be/ns/convention/1"
                xmlns:e="https://paraph.inami.fgov.be/ns/enrichment/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="c e p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>

  <xsl:key name="convention.article" match="c:article" use="@id"/>
  <xsl:key name="convention.annex" match="c:annex" use="@id"/>

  <xsl:variable name="committee" select="p:term('health-care-insurance-committee', $lang)"/>
  <xsl:variable name="fte-abbr" select="p:term-abbr('full-time-equivalent', $lang)"/>
  <xsl:variable name="budget" select="/c:convention/e:enrichment[last()]/e:budget"/>

  <!-- The title of the HTML page. -->
  <xsl:template match="c:convention" mode="convention.title">
    <xsl:value-of select="p:message(p:text('convention.page-title', $lang), $lang,
                                    'number', string(c:number),
                                    'title', normalize-space(c:title/*[local-name() = $lang]))"/>
  </xsl:template>

  <!-- The running footer: the convention's number. -->
  <xsl:template match="c:convention" mode="convention.running-reference">
    <xsl:value-of select="p:message(p:text('convention.running-reference', $lang), $lang, 'number', string(c:number))"/>
  </xsl:template>

  <xsl:template match="c:convention" mode="convention.body">
    <xsl:if test="not($budget/e:rate)">
      <xsl:message terminate="yes">convention <xsl:value-of select="@id"/>: no cost calculation (e:enrichment/e:budget); the enrichment convention-budget must run before the transform</xsl:message>
    </xsl:if>
    <div class="convention">
      <xsl:call-template name="letterhead">
        <xsl:with-param name="service-term" select="'health-care-service'"/>
        <xsl:with-param name="body-term" select="'health-care-insurance-committee'"/>
      </xsl:call-template>
      <main class="convention-body">
        <h1 class="convention-title" data-segment="title">
          <span class="convention-kind">
            <xsl:call-template name="convention.with-identifier">
              <xsl:with-param name="text" select="p:message(p:text('convention.kind', $lang), $lang, 'number', '@@')"/>
              <xsl:with-param name="identifier" select="string(c:number)"/>
            </xsl:call-template>
          </span>
          <span class="convention-subject"><xsl:apply-templates select="c:title" mode="format.text"/></span>
        </h1>
        <xsl:apply-templates select="c:amended-by/c:amendment"/>
        <p class="sector" data-segment="sector">
          <xsl:value-of select="p:message(p:text('convention.sector.line', $lang), $lang,
                                          'sector', p:text(concat('convention.sector.', c:sector), $lang))"/>
        </p>
        <xsl:apply-templates select="c:parties"/>
        <xsl:apply-templates select="c:preamble"/>
        <xsl:apply-templates select="c:chapter"/>
        <xsl:apply-templates select="c:signatures"/>
        <xsl:apply-templates select="c:annex"/>
      </main>
    </div>
  </xsl:template>

  <!--
    A generated sentence holding an official identifier (convention number, BCE / KBO and
    INAMI / RIZIV numbers): $text is the formatted message with '@@' where the identifier
    goes; the identifier is written as one <span class="identifier" translate="no">, so
    that translation tools leave it alone and checks can read it as one reference rather
    than as numbers with thousands separators (7.72.015, 0412.658.307).
  -->
  <xsl:template name="convention.with-identifier">
    <xsl:param name="text"/>
    <xsl:param name="identifier"/>
    <xsl:value-of select="substring-before($text, '@@')"/>
    <span class="identifier" translate="no"><xsl:value-of select="$identifier"/></span>
    <xsl:value-of select="substring-after($text, '@@')"/>
  </xsl:template>

  <!-- "l'ASBL X" / "de vzw X", "le CPAS de Y" / "het OCMW van Y" -->
  <xsl:template name="convention.organiser">
    <xsl:variable name="organiser" select="/c:convention/c:parties/c:establishment/c:organiser"/>
    <xsl:value-of select="p:message(p:text('convention.organiser', $lang), $lang,
                                    'form', translate($organiser/@legal-form, '-', ''),
                                    'name', normalize-space($organiser/*[local-name() = $lang]))"/>
  </xsl:template>

  <!-- ============================================================ parties -->

  <xsl:template match="c:parties">
    <section class="parties" aria-labelledby="parties-heading">
      <h2 id="parties-heading" data-segment="parties-heading"><xsl:value-of select="p:text('convention.parties.heading', $lang)"/></h2>
      <xsl:apply-templates select="c:committee"/>
      <xsl:apply-templates select="c:establishment"/>
    </section>
  </xsl:template>

  <xsl:template match="c:committee">
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
      <xsl:call-template name="convention.representatives"/>
      <p><xsl:value-of select="p:text('convention.parties.committee.short', $lang)"/></p>
    </div>
  </xsl:template>

  <xsl:template match="c:establishment">
    <xsl:variable name="form" select="translate(c:organiser/@legal-form, '-', '')"/>
    <div class="party" data-segment="party-establishment">
      <p class="party-side"><xsl:value-of select="p:text('convention.parties.second', $lang)"/></p>
      <p class="party-name">
        <xsl:variable name="organiser"><xsl:call-template name="convention.organiser"/></xsl:variable>
        <xsl:call-template name="convention.with-identifier">
          <xsl:with-param name="text" select="p:message(p:text('convention.parties.organiser', $lang), $lang,
                                                        'organiser', string($organiser), 'number', '@@')"/>
          <xsl:with-param name="identifier" select="string(c:enterprise-number)"/>
        </xsl:call-template>
      </p>
      <p class="establishment-name"><strong><xsl:apply-templates select="c:name" mode="format.text"/></strong></p>
      <p class="establishment-number">
        <xsl:call-template name="convention.with-identifier">
          <xsl:with-param name="text" select="p:message(p:text('convention.parties.establishment.number', $lang), $lang,
                                                        'abbr', p:term-abbr('institute', $lang), 'number', '@@')"/>
          <xsl:with-param name="identifier" select="string(c:inami-number)"/>
        </xsl:call-template>
      </p>
      <address>
        <xsl:value-of select="c:address/c:street"/>
        <br/>
        <xsl:value-of select="concat(c:address/c:postal-code, ' ', c:address/c:city)"/>
      </address>
      <p><xsl:value-of select="p:message(p:text('convention.parties.establishment.represented', $lang), $lang, 'form', $form)"/></p>
      <xsl:call-template name="convention.representatives"/>
      <p><xsl:value-of select="p:message(p:text('convention.parties.establishment.short', $lang), $lang, 'form', $form)"/></p>
    </div>
  </xsl:template>

  <!-- The signatories of the current party: "Name, function". -->
  <xsl:template name="convention.representatives">
    <ul class="representatives">
      <xsl:for-each select="c:signatory">
        <li>
          <xsl:value-of select="c:name"/>
          <xsl:text>, </xsl:text>
          <xsl:apply-templates select="c:function" mode="format.text"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ============================================================ preamble -->

  <xsl:template match="c:preamble">
    <section class="preamble">
      <xsl:attribute name="aria-label"><xsl:value-of select="p:text('convention.preamble.label', $lang)"/></xsl:attribute>
      <p class="visa" data-segment="preamble-1">
        <xsl:value-of select="p:message(p:text('convention.preamble.law', $lang), $lang, 'article', string(@law-article))"/>
      </p>
      <xsl:for-each select="c:visa">
        <p class="visa" data-segment="preamble-{position() + 1}">
          <xsl:apply-templates select="*[local-name() = $lang]/node()" mode="convention.inline"/>
        </p>
      </xsl:for-each>
      <p class="visa" data-segment="preamble-{count(c:visa) + 2}">
        <xsl:value-of select="p:message(p:text('convention.preamble.decision', $lang), $lang,
                                        'committee', $committee,
                                        'date', p:date(string(c:committee-decision), $lang))"/>
      </p>
      <p class="agreed" data-segment="preamble-agreed"><xsl:value-of select="p:text('convention.preamble.agreed', $lang)"/></p>
    </section>
  </xsl:template>

  <!-- ============================================================ chapters and articles -->

  <xsl:template match="c:chapter">
    <xsl:variable name="number" select="count(preceding-sibling::c:chapter) + 1"/>
    <xsl:variable name="roman"><xsl:number value="$number" format="I"/></xsl:variable>
    <section class="chapter" aria-labelledby="h-chapter-{$number}">
      <h2 id="h-chapter-{$number}" data-segment="chapter-{$number}">
        <xsl:value-of select="p:message(p:text('convention.chapter.heading', $lang), $lang,
                                        'number', string($number),
                                        'roman', string($roman),
                                        'title', normalize-space(c:title/*[local-name() = $lang]))"/>
      </h2>
      <xsl:apply-templates select="c:article"/>
    </section>
  </xsl:template>

  <xsl:template match="c:article">
    <xsl:variable name="number" select="count(preceding::c:article) + 1"/>
    <section class="article" id="ref-{@id}" aria-labelledby="h-art-{$number}">
      <h3 id="h-art-{$number}" data-segment="art-{$number}">
        <xsl:choose>
          <xsl:when test="c:title">
            <xsl:value-of select="p:message(p:text('convention.article.heading.titled', $lang), $lang,
                                            'number', string($number),
                                            'title', normalize-space(c:title/*[local-name() = $lang]))"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="p:message(p:text('convention.article.heading', $lang), $lang, 'number', string($number))"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="convention.amended-marks"/>
      </h3>
      <xsl:apply-templates select="*[not(self::c:title)]" mode="convention.block">
        <xsl:with-param name="prefix" select="concat('art-', $number)"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <!-- ============================================================ history (consolidated text) -->

  <!-- Under the title, one line per amendment applied: "Modifiée par l'avenant n° 1 du …". -->
  <xsl:template match="c:amended-by/c:amendment">
    <p class="amended-by" data-segment="amended-by-{position()}">
      <xsl:value-of select="p:message(p:text('convention.amended-by', $lang), $lang,
                                      'number', string(@number),
                                      'date', p:date(string(@date), $lang),
                                      'effective', p:date(string(@effective-date), $lang))"/>
    </p>
  </xsl:template>

  <!--
    After an article's heading, one mark per amendment that replaced or inserted it, or that
    replaced the financing its staffing table or cost calculation shows: "(modifié par
    l'avenant n° 1)". Nothing for a convention never amended.
  -->
  <xsl:template name="convention.amended-marks">
    <xsl:variable name="id" select="string(@id)"/>
    <xsl:variable name="shows-financing" select="boolean(c:staffing-table | c:budget-table)"/>
    <xsl:for-each select="/c:convention/c:amended-by/c:amendment
                          [c:change[@article = $id] or ($shows-financing and c:change[@kind = 'financing'])]">
      <xsl:text> </xsl:text>
      <span class="amended-mark">
        <xsl:value-of select="p:message(p:text('convention.amended.article', $lang), $lang,
                                        'kind', string(c:change[@article = $id]/@kind),
                                        'number', string(@number))"/>
      </span>
    </xsl:for-each>
  </xsl:template>

  <!-- Blocks of an article or an annex; $prefix is the container's segment id. -->
  <xsl:template match="c:p" mode="convention.block">
    <xsl:param name="prefix"/>
    <p data-segment="{$prefix}-p-{count(preceding-sibling::*[not(self::c:title)]) + 1}">
      <xsl:apply-templates select="*[local-name() = $lang]/node()" mode="convention.inline"/>
    </p>
  </xsl:template>

  <xsl:template match="c:list" mode="convention.block">
    <xsl:param name="prefix"/>
    <xsl:variable name="id" select="concat($prefix, '-p-', count(preceding-sibling::*[not(self::c:title)]) + 1)"/>
    <xsl:variable name="items">
      <xsl:for-each select="c:item">
        <li data-segment="{$id}-item-{position()}">
          <xsl:apply-templates select="*[local-name() = $lang]/node()" mode="convention.inline"/>
        </li>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@style = 'numbered'"><ol class="numbered"><xsl:copy-of select="$items"/></ol></xsl:when>
      <xsl:otherwise><ul><xsl:copy-of select="$items"/></ul></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="c:term-clause" mode="convention.block">
    <xsl:param name="prefix"/>
    <xsl:variable name="term" select="/c:convention/c:term"/>
    <p class="term" data-segment="{$prefix}-p-{count(preceding-sibling::*[not(self::c:title)]) + 1}">
      <xsl:choose>
        <xsl:when test="$term/c:end-date">
          <xsl:value-of select="p:message(p:text('convention.term.with-end', $lang), $lang,
                                          'from', p:date(string($term/c:effective-date), $lang),
                                          'to', p:date(string($term/c:end-date), $lang))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="p:message(p:text('convention.term.open', $lang), $lang,
                                          'from', p:date(string($term/c:effective-date), $lang))"/>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="c:staffing-table" mode="convention.block">
    <xsl:apply-templates select="/c:convention/c:financing/c:staffing"/>
  </xsl:template>

  <xsl:template match="c:budget-table" mode="convention.block">
    <xsl:apply-templates select="/c:convention/c:financing" mode="convention.budget"/>
  </xsl:template>

  <!-- ============================================================ inline text -->

  <xsl:template match="text()" mode="convention.inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="c:ref[@article]" mode="convention.inline">
    <xsl:variable name="target" select="key('convention.article', @article)"/>
    <a class="ref" href="#ref-{@article}">
      <xsl:value-of select="p:message(p:text('convention.ref.article', $lang), $lang,
                                      'number', string(count($target/preceding::c:article) + 1))"/>
    </a>
  </xsl:template>

  <xsl:template match="c:ref[@annex]" mode="convention.inline">
    <xsl:variable name="target" select="key('convention.annex', @annex)"/>
    <a class="ref" href="#ref-{@annex}">
      <xsl:value-of select="p:message(p:text('convention.ref.annex', $lang), $lang,
                                      'number', string(count($target/preceding-sibling::c:annex) + 1))"/>
    </a>
  </xsl:template>

  <xsl:template match="c:figure" mode="convention.inline">
    <span class="figure">
      <xsl:choose>
        <xsl:when test="@name = 'rate'"><xsl:value-of select="p:money(string($budget/e:rate), $lang)"/></xsl:when>
        <xsl:when test="@name = 'annual-budget'"><xsl:value-of select="p:money(string($budget/e:annual-budget), $lang)"/></xsl:when>
        <xsl:when test="@name = 'staff-total'"><xsl:value-of select="p:money(string($budget/e:staff-total), $lang)"/></xsl:when>
        <xsl:when test="@name = 'operating-total'"><xsl:value-of select="p:money(string($budget/e:operating-total), $lang)"/></xsl:when>
        <xsl:when test="@name = 'capacity'"><xsl:value-of select="p:number(string(/c:convention/c:financing/c:capacity), $lang)"/></xsl:when>
        <xsl:when test="@name = 'activity-days'"><xsl:value-of select="p:number(string(/c:convention/c:financing/c:activity-days), $lang)"/></xsl:when>
        <xsl:when test="@name = 'total-fte'"><xsl:value-of select="p:number($total-fte, $lang, 2, 2)"/></xsl:when>
        <xsl:when test="@name = 'effective-date'"><xsl:value-of select="p:date(string(/c:convention/c:term/c:effective-date), $lang)"/></xsl:when>
        <xsl:when test="@name = 'end-date'"><xsl:value-of select="p:date(string(/c:convention/c:term/c:end-date), $lang)"/></xsl:when>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- The total FTE as a plain decimal ("13.25"), summed exactly in hundredths. -->
  <xsl:variable name="total-fte">
    <xsl:call-template name="convention.fte-sum">
      <xsl:with-param name="functions" select="/c:convention/c:financing/c:staffing/c:function"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="convention.fte-sum">
    <xsl:param name="functions"/>
    <xsl:param name="hundredths" select="0"/>
    <xsl:choose>
      <xsl:when test="$functions">
        <xsl:call-template name="convention.fte-sum">
          <xsl:with-param name="functions" select="$functions[position() &gt; 1]"/>
          <xsl:with-param name="hundredths" select="$hundredths + round(number($functions[1]/@fte) * 100)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(floor($hundredths div 100), '.', format-number($hundredths mod 100, '00'))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ staffing norm -->

  <xsl:template match="c:staffing">
    <table class="staffing">
      <caption><xsl:value-of select="p:text('convention.staffing.caption', $lang)"/></caption>
      <thead>
        <tr data-segment="staff-head">
          <th scope="col"><xsl:value-of select="p:text('convention.staffing.function', $lang)"/></th>
          <th scope="col" class="number"><xsl:call-template name="convention.fte-abbr"/></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="c:function">
          <tr data-segment="staff-row-{position()}">
            <th scope="row"><xsl:apply-templates select="c:label" mode="format.text"/></th>
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

  <xsl:template name="convention.fte-abbr">
    <abbr title="{p:term('full-time-equivalent', $lang)}"><xsl:value-of select="$fte-abbr"/></abbr>
  </xsl:template>

  <!-- ============================================================ cost calculation -->

  <xsl:template match="c:financing" mode="convention.budget">
    <xsl:variable name="unit" select="string($budget/@rate-unit)"/>
    <table class="budget">
      <caption><xsl:value-of select="p:text('convention.budget.caption', $lang)"/></caption>
      <thead>
        <tr data-segment="budget-head">
          <th scope="col"><xsl:value-of select="p:text('convention.budget.item', $lang)"/></th>
          <th scope="col" class="number"><xsl:call-template name="convention.fte-abbr"/></th>
          <th scope="col" class="number">
            <xsl:value-of select="p:message(p:text('convention.budget.annual-cost', $lang), $lang, 'fte', $fte-abbr)"/>
          </th>
          <th scope="col" class="number"><xsl:value-of select="p:text('convention.budget.amount', $lang)"/></th>
        </tr>
      </thead>
      <tbody class="staff">
        <xsl:for-each select="c:staffing/c:function">
          <xsl:variable name="k" select="position()"/>
          <xsl:variable name="computed" select="$budget/e:staff-line[number(@position) = $k]"/>
          <tr data-segment="budget-staff-{$k}">
            <th scope="row"><xsl:apply-templates select="c:label" mode="format.text"/></th>
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
        <xsl:for-each select="c:operating-costs/c:item">
          <tr data-segment="budget-operating-{position()}">
            <th scope="row" colspan="3"><xsl:apply-templates select="c:label" mode="format.text"/></th>
            <td class="amount"><xsl:value-of select="p:money(string(c:amount), $lang)"/></td>
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
                                            'capacity', normalize-space(c:capacity),
                                            'days', normalize-space(c:activity-days),
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

  <xsl:template match="c:signatures">
    <section class="signatures" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading" data-segment="signatures-heading"><xsl:value-of select="p:text('convention.signatures.heading', $lang)"/></h2>
      <p class="signature-place" data-segment="signature-place">
        <xsl:value-of select="p:message(p:text('convention.signatures.place', $lang), $lang,
                                        'place', normalize-space(c:place/*[local-name() = $lang]),
                                        'date', p:date(string(c:date), $lang))"/>
      </p>
      <div class="signature-blocks">
        <div class="signature" data-segment="signature-committee">
          <p class="signature-for">
            <xsl:value-of select="p:message(p:text('convention.signatures.for-committee', $lang), $lang, 'committee', $committee)"/>
          </p>
          <xsl:apply-templates select="../c:parties/c:committee/c:signatory"/>
        </div>
        <div class="signature" data-segment="signature-establishment">
          <p class="signature-for">
            <xsl:variable name="organiser"><xsl:call-template name="convention.organiser"/></xsl:variable>
            <xsl:value-of select="p:message(p:text('convention.signatures.for-establishment', $lang), $lang, 'organiser', string($organiser))"/>
          </p>
          <xsl:apply-templates select="../c:parties/c:establishment/c:signatory"/>
        </div>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="c:signatory">
    <div class="signatory">
      <p class="signatory-name"><xsl:value-of select="c:name"/></p>
      <p class="signatory-function"><xsl:apply-templates select="c:function" mode="format.text"/></p>
    </div>
  </xsl:template>

  <!-- ============================================================ annexes -->

  <xsl:template match="c:annex">
    <xsl:variable name="number" select="count(preceding-sibling::c:annex) + 1"/>
    <section class="annex" id="ref-{@id}" aria-labelledby="h-annex-{$number}">
      <h2 id="h-annex-{$number}" data-segment="annex-{$number}">
        <xsl:value-of select="p:message(p:text('convention.annex.heading', $lang), $lang,
                                        'number', string($number),
                                        'title', normalize-space(c:title/*[local-name() = $lang]))"/>
      </h2>
      <xsl:apply-templates select="*[not(self::c:title)]" mode="convention.block">
        <xsl:with-param name="prefix" select="concat('annex-', $number)"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>
</xsl:stylesheet>
