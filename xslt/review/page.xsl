<?xml version="1.0" encoding="UTF-8"?>
<!--
  The paired review page of one document version (server/review/ReviewPage): one table row
  per segment, French and Dutch side by side, the segment's QA findings and comments beside
  them, and plain HTML forms (no script needed) to acknowledge a warning, comment a
  segment, approve or reject the version. One self-contained HTML5 file: styles/review.css
  inlined with p:css, no external resource of any kind.

  Input: the model tree built by ReviewPage (namespace https://paraph.inami.fgov.be/ns/review/1):
    <r:review ui-language document type label reference version state source-language filter
              user form-token errors unacknowledged-warnings approve-action reject-action
              can-review? can-comment?>
      <r:versions><r:version number current?/>…</r:versions>
      <r:history><r:transition from to actor at local-at?><r:note>…</r:note>?</r:transition>…</r:history>
      <r:comments><r:comment author at local-at?>text</r:comment>…</r:comments>   (on the version)
      <r:segments shown total matching page pages>   (shown: rows on this page; matching: rows the filter keeps)
        <r:segment id changed? field location comment-action>
          <r:text lang source? missing?><r:chars>…</r:chars><r:code name>markup</r:code>…</r:text> (fr, then nl)
          <r:finding id segment check check-key? severity acknowledged? acknowledged-by acknowledge-action>message</r:finding>…
          <r:comment …/>…
        </r:segment>…  (only the rows the filter keeps, in document order, on this page)
      </r:segments>
      <r:other-findings><r:finding …/>…</r:other-findings>  (on segments this version lacks)
    </r:review>
  Flags (name?) are present as "true" or absent. Every text of the model is a text node or an
  attribute value, written here with xsl:value-of only: nothing typed in a segment or a
  comment can become markup.

  Parameters (common/params.xsl): lang, the interface language ('fr' or 'nl'). Every word
  comes from catalog/l10n/review.{fr,nl}.xml; QA messages are the checker's own (English,
  marked lang="en").

  The page contract the HTTP layer and its tests rely on (docs/translation.md, "Review page"):
  <html lang="fr|nl">; rows <tr id="seg-ID" data-segment="ID">; findings
  <li class="finding" data-check data-severity data-finding>; forms POST to
  {base}/versions/{n}/findings/{finding}/acknowledge, …/segments/{segment}/comments,
  …/approve and …/reject, each with a hidden csrf token (the session's).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="https://paraph.inami.fgov.be/ns/review/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="r p">
  <xsl:import href="../common/params.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="review" select="/r:review"/>
  <xsl:variable name="version" select="string($review/@version)"/>
  <xsl:variable name="filter" select="string($review/@filter)"/>
  <xsl:variable name="state-label">
    <xsl:call-template name="state-label">
      <xsl:with-param name="state" select="$review/@state"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:if test="$lang != 'fr' and $lang != 'nl'">
      <xsl:message terminate="yes">parameter lang must be 'fr' or 'nl', not '<xsl:value-of select="$lang"/>'</xsl:message>
    </xsl:if>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <!-- The bare language codes, as the page contract fixes them (the texts are Belgian
         French and Dutch, but the page mixes them and the interface's own words). -->
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="p:message(p:text('review.title', $lang), $lang,
                                          'document', string($review/@document), 'version', $version)"/>
        </title>
        <meta name="paraph-document-id" content="{$review/@document}"/>
        <meta name="paraph-version" content="{$version}"/>
        <meta name="generator" content="paraph"/>
        <style>
          <xsl:text>&#10;</xsl:text>
          <xsl:value-of select="p:css('palette')"/>
          <xsl:text>&#10;</xsl:text>
          <xsl:value-of select="p:css('review')"/>
        </style>
      </head>
      <body class="review">
        <a class="skip-link" href="#main"><xsl:value-of select="p:text('review.skip-link', $lang)"/></a>
        <xsl:call-template name="header"/>
        <main id="main" tabindex="-1">
          <xsl:call-template name="segments"/>
          <xsl:call-template name="version-comments"/>
          <xsl:call-template name="other-findings"/>
          <xsl:call-template name="decision"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- The document, its version and state, the version picker and the history. -->
  <xsl:template name="header">
    <header class="review-header">
      <h1>
        <xsl:value-of select="p:message(p:text('review.heading', $lang), $lang, 'document', string($review/@document))"/>
      </h1>
      <xsl:if test="string($review/@user) != ''">
        <p class="review-user">
          <xsl:value-of select="p:message(p:text('review.user', $lang), $lang, 'name', string($review/@user))"/>
        </p>
      </xsl:if>
      <dl class="review-meta">
        <div>
          <dt><xsl:value-of select="p:text('review.meta.type', $lang)"/></dt>
          <dd>
            <xsl:choose>
              <xsl:when test="string($review/@label) != ''"><xsl:value-of select="$review/@label"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$review/@type"/></xsl:otherwise>
            </xsl:choose>
          </dd>
        </div>
        <div>
          <dt><xsl:value-of select="p:text('review.meta.reference', $lang)"/></dt>
          <dd><xsl:value-of select="$review/@reference"/></dd>
        </div>
        <div>
          <dt><xsl:value-of select="p:text('review.meta.version', $lang)"/></dt>
          <dd><xsl:value-of select="$version"/></dd>
        </div>
        <div>
          <dt><xsl:value-of select="p:text('review.meta.state', $lang)"/></dt>
          <dd><span class="state state-{$review/@state}" data-state="{$review/@state}"><xsl:value-of select="$state-label"/></span></dd>
        </div>
      </dl>
      <xsl:if test="$review/r:versions/r:version">
        <nav class="review-versions" aria-labelledby="versions-heading">
          <h2 id="versions-heading"><xsl:value-of select="p:text('review.versions.heading', $lang)"/></h2>
          <ul>
            <xsl:for-each select="$review/r:versions/r:version">
              <li>
                <a href="{concat('?version=', @number, '&amp;filter=', $filter)}">
                  <xsl:if test="@current = 'true'">
                    <xsl:attribute name="aria-current">page</xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="p:message(p:text('review.version.link', $lang), $lang, 'version', string(@number))"/>
                </a>
              </li>
            </xsl:for-each>
          </ul>
        </nav>
      </xsl:if>
      <section class="review-history" aria-labelledby="history-heading">
        <h2 id="history-heading"><xsl:value-of select="p:text('review.history.heading', $lang)"/></h2>
        <xsl:choose>
          <xsl:when test="$review/r:history/r:transition">
            <ol>
              <xsl:for-each select="$review/r:history/r:transition">
                <li data-from="{@from}" data-to="{@to}">
                  <xsl:call-template name="time"/>
                  <xsl:text> – </xsl:text>
                  <xsl:variable name="to">
                    <xsl:call-template name="state-label"><xsl:with-param name="state" select="@to"/></xsl:call-template>
                  </xsl:variable>
                  <xsl:choose>
                    <xsl:when test="string(@from) = ''">
                      <xsl:value-of select="p:message(p:text('review.history.created', $lang), $lang,
                                                      'to', string($to), 'actor', string(@actor))"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:variable name="from">
                        <xsl:call-template name="state-label"><xsl:with-param name="state" select="@from"/></xsl:call-template>
                      </xsl:variable>
                      <xsl:value-of select="p:message(p:text('review.history.entry', $lang), $lang,
                                                      'from', string($from), 'to', string($to), 'actor', string(@actor))"/>
                    </xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="r:note">
                    <p class="history-note"><xsl:value-of select="r:note"/></p>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:value-of select="p:text('review.history.none', $lang)"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </header>
  </xsl:template>

  <!-- Filter links, the count of rows shown, and the table of segments. -->
  <xsl:template name="segments">
    <xsl:variable name="segments" select="$review/r:segments"/>
    <section class="review-segments" aria-labelledby="segments-heading">
      <h2 id="segments-heading"><xsl:value-of select="p:text('review.segments.heading', $lang)"/></h2>
      <nav class="review-filter" aria-labelledby="filter-heading">
        <h3 id="filter-heading"><xsl:value-of select="p:text('review.filter.heading', $lang)"/></h3>
        <ul>
          <xsl:call-template name="filter-link"><xsl:with-param name="name" select="'all'"/></xsl:call-template>
          <xsl:call-template name="filter-link"><xsl:with-param name="name" select="'findings'"/></xsl:call-template>
          <xsl:call-template name="filter-link"><xsl:with-param name="name" select="'changed'"/></xsl:call-template>
        </ul>
      </nav>
      <p class="review-count" id="review-count" data-shown="{$segments/@shown}" data-total="{$segments/@total}">
        <xsl:value-of select="p:message(p:text('review.count', $lang), $lang,
                                        'shown', string($segments/@shown), 'total', string($segments/@total))"/>
      </p>
      <xsl:if test="not($segments/r:segment)">
        <p class="review-empty"><xsl:value-of select="p:text('review.table.empty', $lang)"/></p>
      </xsl:if>
      <xsl:call-template name="page-links"/>
      <div class="table-scroll">
        <table class="review-table" aria-describedby="review-count">
          <caption>
            <xsl:value-of select="p:message(p:text('review.table.caption', $lang), $lang, 'version', $version)"/>
          </caption>
          <thead>
            <tr>
              <th scope="col" class="column-segment"><xsl:value-of select="p:text('review.column.segment', $lang)"/></th>
              <th scope="col" class="column-text"><xsl:value-of select="p:text('review.column.fr', $lang)"/></th>
              <th scope="col" class="column-text"><xsl:value-of select="p:text('review.column.nl', $lang)"/></th>
              <th scope="col" class="column-findings"><xsl:value-of select="p:text('review.column.findings', $lang)"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="$segments/r:segment"/>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- Previous and next page of the rows the filter keeps, when there is more than one. -->
  <xsl:template name="page-links">
    <xsl:variable name="segments" select="$review/r:segments"/>
    <xsl:variable name="page" select="number($segments/@page)"/>
    <xsl:variable name="pages" select="number($segments/@pages)"/>
    <xsl:if test="$pages &gt; 1 or $page &gt; 1">
      <nav class="review-pages" aria-labelledby="pages-heading">
        <h3 id="pages-heading">
          <xsl:value-of select="p:message(p:text('review.page.position', $lang), $lang,
                                          'page', string($page), 'pages', string($pages))"/>
        </h3>
        <ul>
          <xsl:if test="$page &gt; 1">
            <li>
              <a rel="prev" href="{concat('?version=', $version, '&amp;filter=', $filter, '&amp;page=', $page - 1)}">
                <xsl:value-of select="p:text('review.page.previous', $lang)"/>
              </a>
            </li>
          </xsl:if>
          <xsl:if test="$page &lt; $pages">
            <li>
              <a rel="next" href="{concat('?version=', $version, '&amp;filter=', $filter, '&amp;page=', $page + 1)}">
                <xsl:value-of select="p:text('review.page.next', $lang)"/>
              </a>
            </li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="filter-link">
    <xsl:param name="name"/>
    <li>
      <a href="{concat('?version=', $version, '&amp;filter=', $name)}">
        <xsl:if test="$filter = $name">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="p:text(concat('review.filter.', $name), $lang)"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template match="r:segment">
    <tr id="seg-{@id}" data-segment="{@id}">
      <xsl:attribute name="class">
        <xsl:text>segment</xsl:text>
        <xsl:if test="@changed = 'true'"> segment-changed</xsl:if>
        <xsl:if test="r:finding[@severity = 'error']"> segment-has-error</xsl:if>
      </xsl:attribute>
      <th scope="row" class="segment-head">
        <code class="segment-id"><xsl:value-of select="@id"/></code>
        <xsl:if test="string(@location) != ''">
          <span class="segment-location"><xsl:value-of select="@location"/></span>
        </xsl:if>
        <xsl:if test="@changed = 'true'">
          <span class="changed-flag"><xsl:value-of select="p:text('review.changed', $lang)"/></span>
        </xsl:if>
      </th>
      <xsl:apply-templates select="r:text[@lang = 'fr']"/>
      <xsl:apply-templates select="r:text[@lang = 'nl']"/>
      <td class="segment-review">
        <xsl:choose>
          <xsl:when test="r:finding">
            <ul class="findings">
              <xsl:apply-templates select="r:finding"/>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <p class="findings-none"><xsl:value-of select="p:text('review.findings.none', $lang)"/></p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="r:comment">
          <ul class="comments">
            <xsl:apply-templates select="r:comment"/>
          </ul>
        </xsl:if>
        <xsl:if test="$review/@can-comment = 'true'">
          <details class="comment-form">
            <summary><xsl:value-of select="p:text('review.comment.add', $lang)"/></summary>
            <form method="post" action="{@comment-action}">
              <xsl:call-template name="form-token"/>
              <label for="comment-{@id}">
                <xsl:value-of select="p:message(p:text('review.comment.label', $lang), $lang, 'segment', string(@id))"/>
              </label>
              <textarea id="comment-{@id}" name="comment" rows="3" required="required"></textarea>
              <button type="submit"><xsl:value-of select="p:text('review.comment.submit', $lang)"/></button>
            </form>
          </details>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- A text cell: the segment's text in one language, the source marked, a gap visible. -->
  <xsl:template match="r:text">
    <td lang="{@lang}">
      <xsl:attribute name="class">
        <xsl:text>segment-text</xsl:text>
        <xsl:choose>
          <xsl:when test="@source = 'true'"> segment-source</xsl:when>
          <xsl:otherwise> segment-target</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="@source = 'true'">
        <span class="source-label" lang="{$lang}"><xsl:value-of select="p:text('review.source', $lang)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@missing = 'true'">
          <span class="segment-missing"><xsl:value-of select="p:text('bilingual.missing', string(@lang))"/></span>
        </xsl:when>
        <xsl:otherwise>
          <span class="segment-content"><xsl:apply-templates select="r:chars | r:code"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

  <xsl:template match="r:chars">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- An inline element of the text, shown as its tag (as translation tools do). -->
  <xsl:template match="r:code">
    <code class="inline-code"><xsl:value-of select="."/></code>
  </xsl:template>

  <xsl:template match="r:finding">
    <li id="finding-{@id}" class="finding finding-{@severity}" data-check="{@check}" data-severity="{@severity}"
        data-finding="{@id}">
      <xsl:if test="@acknowledged = 'true'">
        <xsl:attribute name="data-acknowledged">true</xsl:attribute>
      </xsl:if>
      <p class="finding-head">
        <strong class="severity severity-{@severity}">
          <xsl:value-of select="p:text(concat('review.severity.', @severity), $lang)"/>
        </strong>
        <xsl:text> </xsl:text>
        <span class="finding-check">
          <xsl:choose>
            <xsl:when test="@check-key"><xsl:value-of select="p:text(string(@check-key), $lang)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@check"/></xsl:otherwise>
          </xsl:choose>
        </span>
      </p>
      <p class="finding-message" id="finding-message-{@id}" lang="en"><xsl:value-of select="."/></p>
      <xsl:choose>
        <xsl:when test="@acknowledged = 'true'">
          <p class="finding-acknowledged">
            <xsl:value-of select="p:message(p:text('review.finding.acknowledged', $lang), $lang,
                                            'name', string(@acknowledged-by))"/>
          </p>
        </xsl:when>
        <xsl:when test="@severity = 'warning' and $review/@can-review = 'true'">
          <form method="post" action="{@acknowledge-action}" class="acknowledge-form">
            <xsl:call-template name="form-token"/>
            <button type="submit" aria-describedby="finding-message-{@id}">
              <xsl:value-of select="p:text('review.finding.acknowledge', $lang)"/>
            </button>
          </form>
        </xsl:when>
      </xsl:choose>
    </li>
  </xsl:template>

  <xsl:template match="r:comment">
    <li class="comment">
      <p class="comment-meta">
        <xsl:variable name="at">
          <xsl:call-template name="time-text"/>
        </xsl:variable>
        <xsl:value-of select="p:message(p:text('review.comment.by', $lang), $lang, 'author', string(@author), 'at', string($at))"/>
      </p>
      <p class="comment-text"><xsl:value-of select="."/></p>
    </li>
  </xsl:template>

  <xsl:template name="version-comments">
    <xsl:if test="$review/r:comments/r:comment">
      <section class="review-version-comments" aria-labelledby="version-comments-heading">
        <h2 id="version-comments-heading"><xsl:value-of select="p:text('review.version-comments.heading', $lang)"/></h2>
        <ul class="comments">
          <xsl:apply-templates select="$review/r:comments/r:comment"/>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="other-findings">
    <xsl:if test="$review/r:other-findings/r:finding">
      <section class="review-other-findings" aria-labelledby="other-findings-heading">
        <h2 id="other-findings-heading"><xsl:value-of select="p:text('review.other-findings.heading', $lang)"/></h2>
        <ul class="findings">
          <xsl:apply-templates select="$review/r:other-findings/r:finding"/>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Approve and reject. Approval is offered only when the store would accept it: the
       version in review, no error, every warning acknowledged; otherwise the button is shown
       disabled with the reasons in words, so a reviewer knows what is left to do. -->
  <xsl:template name="decision">
    <xsl:if test="$review/@can-review = 'true'">
      <xsl:variable name="in-review" select="$review/@state = 'in-review'"/>
      <section class="review-decision" aria-labelledby="decision-heading">
        <h2 id="decision-heading"><xsl:value-of select="p:text('review.decision.heading', $lang)"/></h2>
        <xsl:variable name="blocked" select="not($in-review) or $review/@errors != '0'
                                             or $review/@unacknowledged-warnings != '0'"/>
        <form method="post" action="{$review/@approve-action}" class="approve-form">
          <xsl:call-template name="form-token"/>
          <div id="approve-status" class="decision-status">
            <xsl:choose>
              <xsl:when test="$blocked">
                <xsl:attribute name="class">decision-status decision-blocked</xsl:attribute>
                <xsl:if test="not($in-review)">
                  <p><xsl:value-of select="p:message(p:text('review.approve.blocked.state', $lang), $lang,
                                                     'state', string($state-label))"/></p>
                </xsl:if>
                <xsl:if test="$review/@errors != '0'">
                  <p><xsl:value-of select="p:message(p:text('review.approve.blocked.errors', $lang), $lang,
                                                     'count', string($review/@errors))"/></p>
                </xsl:if>
                <xsl:if test="$review/@unacknowledged-warnings != '0'">
                  <p><xsl:value-of select="p:message(p:text('review.approve.blocked.warnings', $lang), $lang,
                                                     'count', string($review/@unacknowledged-warnings))"/></p>
                </xsl:if>
              </xsl:when>
              <xsl:otherwise>
                <p><xsl:value-of select="p:text('review.approve.ready', $lang)"/></p>
              </xsl:otherwise>
            </xsl:choose>
          </div>
          <xsl:if test="not($blocked)">
            <label for="approve-comment"><xsl:value-of select="p:text('review.approve.comment', $lang)"/></label>
            <textarea id="approve-comment" name="comment" rows="2"></textarea>
          </xsl:if>
          <button type="submit" class="approve-button" aria-describedby="approve-status">
            <xsl:if test="$blocked">
              <xsl:attribute name="disabled">disabled</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="p:text('review.approve', $lang)"/>
          </button>
        </form>
        <form method="post" action="{$review/@reject-action}" class="reject-form">
          <xsl:call-template name="form-token"/>
          <xsl:choose>
            <xsl:when test="$in-review">
              <label for="reject-comment"><xsl:value-of select="p:text('review.reject.label', $lang)"/></label>
              <textarea id="reject-comment" name="comment" rows="3" required="required"></textarea>
              <button type="submit" class="reject-button"><xsl:value-of select="p:text('review.reject', $lang)"/></button>
            </xsl:when>
            <xsl:otherwise>
              <p id="reject-status" class="decision-status decision-blocked">
                <xsl:value-of select="p:message(p:text('review.reject.blocked.state', $lang), $lang,
                                                'state', string($state-label))"/>
              </p>
              <button type="submit" class="reject-button" disabled="disabled" aria-describedby="reject-status">
                <xsl:value-of select="p:text('review.reject', $lang)"/>
              </button>
            </xsl:otherwise>
          </xsl:choose>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="form-token">
    <input type="hidden" name="csrf" value="{$review/@form-token}"/>
  </xsl:template>

  <!-- A state's name; an unknown state shows as it is rather than stopping the page. -->
  <xsl:template name="state-label">
    <xsl:param name="state"/>
    <xsl:choose>
      <xsl:when test="$state = 'draft' or $state = 'in-review' or $state = 'approved' or $state = 'published'
                      or $state = 'withdrawn'">
        <xsl:value-of select="p:text(concat('review.state.', $state), $lang)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$state"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The context node's @at in Brussels time, in words ("4 mars 2026 à 11:15"). -->
  <xsl:template name="time-text">
    <xsl:choose>
      <xsl:when test="@local-at"><xsl:value-of select="p:datetime(string(@local-at), $lang)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@at"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <time> only for a timestamp that reads as UTC: anything else is not a valid datetime. -->
  <xsl:template name="time">
    <xsl:choose>
      <xsl:when test="@local-at"><time datetime="{@at}"><xsl:call-template name="time-text"/></time></xsl:when>
      <xsl:otherwise><span class="time"><xsl:value-of select="@at"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
