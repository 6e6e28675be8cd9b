<?xml version="1.0" encoding="UTF-8"?>
<!--
  The staff workspace's pages (server/workspace/WorkspacePage, docs/workspace.md): one
  self-contained HTML5 file per page, styles/palette.css and styles/workspace.css inlined
  with p:css, no script, no external resource. Every form is plain HTML: it posts and the
  server answers 303 (or the same page with its errors), so nothing needs JavaScript.

  Input (namespace https://paraph.inami.fgov.be/ns/workspace/1):
    <w:page name="signin|error|documents|submit|document" user? csrf? can-submit? notice?>
      signin:    @next @form-token @problem (failed|throttled|expired|signed-out|form-expired)? @wait @entered-name
      error:     @status @message @request-id
      documents: @total @page @pages @type @state @previous-url? @next-url?
                 <w:type name label selected?/>… <w:document url type-label reference title state pending? at local-at?/>…
      submit:    <w:error line column message path?><w:line number marked?>text</w:line>…</w:error>… <w:pasted>…</w:pasted>?
      document:  @id @type-label @reference @review-url
                 <w:version number state by at local-at?><w:file url kind edition/>…</w:version>… (newest first)
                 <w:action step url needs-comment?/>… (on the latest version)
  Flags (name?) are present as "true" or absent. Every text of the model is written with
  xsl:value-of only: nothing typed in a form or a document can become markup.

  Parameter lang (common/params.xsl): the interface language, 'fr' or 'nl'. Every word comes
  from catalog/l10n/workspace.{fr,nl}.xml (keys ws.*).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:w="https://paraph.inami.fgov.be/ns/workspace/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="w p">
  <xsl:import href="../common/params.xsl"/>
  <!-- The batch pages, in their own file (docs/batch.md). -->
  <xsl:include href="batch.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="page" select="/w:page"/>

  <xsl:template match="/">
    <xsl:if test="$lang != 'fr' and $lang != 'nl'">
      <xsl:message terminate="yes">parameter lang must be 'fr' or 'nl', not '<xsl:value-of select="$lang"/>'</xsl:message>
    </xsl:if>
    <xsl:variable name="heading">
      <xsl:call-template name="heading"/>
    </xsl:variable>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="p:message(p:text('ws.title', $lang), $lang, 'page', string($heading))"/></title>
        <meta name="generator" content="paraph"/>
        <meta name="paraph-page" content="{$page/@name}"/>
        <style>
          <xsl:text>&#10;</xsl:text>
          <xsl:value-of select="p:css('palette')"/>
          <xsl:text>&#10;</xsl:text>
          <xsl:value-of select="p:css('workspace')"/>
        </style>
      </head>
      <body class="workspace">
        <a class="skip-link" href="#main"><xsl:value-of select="p:text('ws.skip-link', $lang)"/></a>
        <xsl:call-template name="banner"/>
        <main id="main" tabindex="-1">
          <h1><xsl:value-of select="$heading"/></h1>
          <xsl:apply-templates select="$page"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="heading">
    <xsl:choose>
      <xsl:when test="$page/@name = 'signin'"><xsl:value-of select="p:text('ws.signin.title', $lang)"/></xsl:when>
      <xsl:when test="$page/@name = 'documents'"><xsl:value-of select="p:text('ws.documents.title', $lang)"/></xsl:when>
      <xsl:when test="$page/@name = 'submit'"><xsl:value-of select="p:text('ws.submit.title', $lang)"/></xsl:when>
      <xsl:when test="$page/@name = 'batch-new'"><xsl:value-of select="p:text('ws.batch.new.title', $lang)"/></xsl:when>
      <xsl:when test="$page/@name = 'batch'">
        <xsl:value-of select="p:message(p:text('ws.batch.title', $lang), $lang, 'id', string($page/@id))"/>
      </xsl:when>
      <xsl:when test="$page/@name = 'document'">
        <xsl:value-of select="p:message(p:text('ws.document.title', $lang), $lang, 'reference', string($page/@reference))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="p:message(p:text('ws.error.title', $lang), $lang, 'status', string($page/@status))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The institution's bar: the workspace's name, its pages, who is signed in, sign-out. -->
  <xsl:template name="banner">
    <header class="ws-banner">
      <p class="ws-brand"><xsl:value-of select="p:text('ws.brand', $lang)"/></p>
      <xsl:if test="string($page/@user) != ''">
        <nav aria-label="{p:text('ws.nav.label', $lang)}">
          <ul class="ws-nav">
            <li><a href="/"><xsl:value-of select="p:text('ws.nav.documents', $lang)"/></a></li>
            <xsl:if test="$page/@can-submit">
              <li><a href="/submit"><xsl:value-of select="p:text('ws.nav.submit', $lang)"/></a></li>
              <li><a href="/batches/new"><xsl:value-of select="p:text('ws.nav.batch', $lang)"/></a></li>
            </xsl:if>
          </ul>
        </nav>
        <div class="ws-account">
          <p><xsl:value-of select="p:message(p:text('ws.user', $lang), $lang, 'name', string($page/@user))"/></p>
          <form method="post" action="/language" class="ws-language">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="next" value="{$page/@path}"/>
            <label for="ws-language"><xsl:value-of select="p:text('ws.language.label', $lang)"/></label>
            <select id="ws-language" name="language">
              <option value="fr" lang="fr">
                <xsl:if test="$lang = 'fr'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="p:text('ws.language.fr', 'fr')"/>
              </option>
              <option value="nl" lang="nl">
                <xsl:if test="$lang = 'nl'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="p:text('ws.language.nl', 'nl')"/>
              </option>
            </select>
            <button type="submit"><xsl:value-of select="p:text('ws.language.save', $lang)"/></button>
          </form>
          <form method="post" action="/signout" class="ws-signout">
            <xsl:call-template name="csrf"/>
            <button type="submit"><xsl:value-of select="p:text('ws.signout', $lang)"/></button>
          </form>
        </div>
      </xsl:if>
    </header>
  </xsl:template>

  <xsl:template name="csrf">
    <input type="hidden" name="csrf" value="{$page/@csrf}"/>
  </xsl:template>

  <xsl:template name="notice">
    <xsl:if test="string($page/@notice) != ''">
      <p class="ws-notice" role="status"><xsl:value-of select="p:text(concat('ws.', $page/@notice), $lang)"/></p>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ sign-in -->
  <xsl:template match="w:page[@name = 'signin']">
    <xsl:choose>
      <xsl:when test="@problem = 'signed-out' or @problem = 'expired'">
        <p class="ws-notice" role="status"><xsl:value-of select="p:text(concat('ws.signin.', @problem), $lang)"/></p>
      </xsl:when>
      <xsl:when test="@problem = 'throttled'">
        <div class="ws-error-summary" role="alert">
          <p><xsl:value-of select="p:message(p:text('ws.signin.throttled', $lang), $lang, 'seconds', number(@wait))"/></p>
        </div>
      </xsl:when>
      <xsl:when test="string(@problem) != ''">
        <div class="ws-error-summary" role="alert">
          <p><xsl:value-of select="p:text(concat('ws.signin.', @problem), $lang)"/></p>
        </div>
      </xsl:when>
    </xsl:choose>
    <p><xsl:value-of select="p:text('ws.signin.intro', $lang)"/></p>
    <form method="post" action="/signin" class="ws-form ws-signin">
      <input type="hidden" name="csrf" value="{@form-token}"/>
      <input type="hidden" name="next" value="{@next}"/>
      <p>
        <label for="signin-name"><xsl:value-of select="p:text('ws.signin.name', $lang)"/></label>
        <input id="signin-name" name="name" type="text" autocomplete="username" required="required"
               autocapitalize="none" spellcheck="false" value="{@entered-name}"/>
      </p>
      <p>
        <label for="signin-password"><xsl:value-of select="p:text('ws.signin.password', $lang)"/></label>
        <input id="signin-password" name="password" type="password" autocomplete="current-password"
               required="required"/>
      </p>
      <p><button type="submit"><xsl:value-of select="p:text('ws.signin.submit', $lang)"/></button></p>
    </form>
  </xsl:template>

  <!-- ================================================================ errors -->
  <xsl:template match="w:page[@name = 'error']">
    <div class="ws-error-summary" role="alert">
      <xsl:variable name="key" select="concat('ws.error.', @status)"/>
      <p>
        <xsl:choose>
          <xsl:when test="contains(' 400 401 403 404 405 409 413 415 422 429 500 503 507 ', concat(' ', @status, ' '))"><xsl:value-of select="p:text($key, $lang)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="p:text('ws.error.other', $lang)"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </div>
    <xsl:if test="string(@message) != ''">
      <h2><xsl:value-of select="p:text('ws.error.detail', $lang)"/></h2>
      <p lang="en"><xsl:value-of select="@message"/></p>
    </xsl:if>
    <p><xsl:value-of select="p:message(p:text('ws.error.request', $lang), $lang, 'id', string(@request-id))"/></p>
    <xsl:if test="string(@user) != ''">
      <p><a href="/"><xsl:value-of select="p:text('ws.error.back', $lang)"/></a></p>
    </xsl:if>
  </xsl:template>


  <!-- ================================================================ documents -->
  <xsl:template match="w:page[@name = 'documents']">
    <form method="get" action="/" class="ws-filters">
      <p>
        <label for="filter-type"><xsl:value-of select="p:text('ws.documents.type', $lang)"/></label>
        <select id="filter-type" name="type">
          <option value=""><xsl:value-of select="p:text('ws.documents.any', $lang)"/></option>
          <xsl:for-each select="w:type">
            <option value="{@name}">
              <xsl:if test="@selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="@label"/>
            </option>
          </xsl:for-each>
        </select>
      </p>
      <p>
        <label for="filter-state"><xsl:value-of select="p:text('ws.documents.state', $lang)"/></label>
        <select id="filter-state" name="state">
          <option value=""><xsl:value-of select="p:text('ws.documents.any', $lang)"/></option>
          <xsl:call-template name="state-option"><xsl:with-param name="state" select="'draft'"/></xsl:call-template>
          <xsl:call-template name="state-option"><xsl:with-param name="state" select="'in-review'"/></xsl:call-template>
          <xsl:call-template name="state-option"><xsl:with-param name="state" select="'approved'"/></xsl:call-template>
          <xsl:call-template name="state-option"><xsl:with-param name="state" select="'published'"/></xsl:call-template>
          <xsl:call-template name="state-option"><xsl:with-param name="state" select="'withdrawn'"/></xsl:call-template>
        </select>
      </p>
      <p><button type="submit"><xsl:value-of select="p:text('ws.documents.apply', $lang)"/></button></p>
    </form>
    <xsl:choose>
      <xsl:when test="not(w:document)">
        <p class="ws-empty" role="status"><xsl:value-of select="p:text('ws.documents.empty', $lang)"/></p>
      </xsl:when>
      <xsl:otherwise>
        <div class="ws-table-wrap">
          <table class="ws-table ws-documents">
            <caption><xsl:value-of select="p:message(p:text('ws.documents.caption', $lang), $lang, 'count', number(@total))"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="p:text('ws.documents.column.reference', $lang)"/></th>
                <th scope="col"><xsl:value-of select="p:text('ws.documents.column.type', $lang)"/></th>
                <th scope="col"><xsl:value-of select="p:text('ws.documents.column.title', $lang)"/></th>
                <th scope="col"><xsl:value-of select="p:text('ws.documents.column.state', $lang)"/></th>
                <th scope="col"><xsl:value-of select="p:text('ws.documents.column.changed', $lang)"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="w:document">
                <tr data-document="{@id}">
                  <th scope="row"><a href="{@url}"><xsl:value-of select="@reference"/></a></th>
                  <td><xsl:value-of select="@type-label"/></td>
                  <td><xsl:value-of select="@title"/></td>
                  <td>
                    <xsl:if test="string(@state) != ''">
                      <span class="state state-{@state}">
                        <xsl:call-template name="state-label"><xsl:with-param name="state" select="@state"/></xsl:call-template>
                      </span>
                    </xsl:if>
                    <xsl:if test="@pending">
                      <xsl:text> </xsl:text>
                      <span class="ws-pending"><xsl:value-of select="p:text('ws.documents.pending', $lang)"/></span>
                    </xsl:if>
                  </td>
                  <td><xsl:call-template name="time"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <nav aria-label="{p:text('ws.documents.pages', $lang)}">
          <ul class="ws-pages">
            <xsl:if test="@previous-url">
              <li><a href="{@previous-url}" rel="prev"><xsl:value-of select="p:text('ws.documents.previous', $lang)"/></a></li>
            </xsl:if>
            <li><xsl:value-of select="p:message(p:text('ws.documents.page', $lang), $lang, 'page', number(@page), 'pages', number(@pages))"/></li>
            <xsl:if test="@next-url">
              <li><a href="{@next-url}" rel="next"><xsl:value-of select="p:text('ws.documents.next', $lang)"/></a></li>
            </xsl:if>
          </ul>
        </nav>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="state-option">
    <xsl:param name="state"/>
    <option value="{$state}">
      <xsl:if test="$page/@state = $state"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:call-template name="state-label"><xsl:with-param name="state" select="$state"/></xsl:call-template>
    </option>
  </xsl:template>

  <!-- ================================================================ submit -->
  <xsl:template match="w:page[@name = 'submit']">
    <xsl:if test="w:error">
      <div class="ws-error-summary" role="alert" aria-labelledby="errors-heading">
        <h2 id="errors-heading">
          <xsl:value-of select="p:message(p:text('ws.submit.errors', $lang), $lang, 'count', count(w:error))"/>
        </h2>
        <p><xsl:value-of select="p:text('ws.submit.refused', $lang)"/></p>
      </div>
      <ol class="ws-errors">
        <xsl:for-each select="w:error">
          <li class="ws-error" data-line="{@line}" data-column="{@column}">
            <p>
              <strong><xsl:value-of select="p:message(p:text('ws.submit.error.place', $lang), $lang,
                                                      'line', number(@line), 'column', number(@column))"/></strong>
              <xsl:text> — </xsl:text>
              <span><xsl:value-of select="@message"/></span>
            </p>
            <xsl:if test="string(@path) != ''"><p class="ws-path"><code><xsl:value-of select="@path"/></code></p></xsl:if>
            <xsl:if test="w:line">
              <pre class="ws-source" aria-label="{p:text('ws.submit.error.source', $lang)}"><xsl:for-each select="w:line">
                <span class="ws-line-number"><xsl:value-of select="@number"/></span>
                <xsl:choose>
                  <xsl:when test="@marked"><mark><xsl:value-of select="."/></mark></xsl:when>
                  <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
                <xsl:text>&#10;</xsl:text>
                <xsl:if test="@caret">
                  <span class="ws-line-number"><xsl:text> </xsl:text></span>
                  <span class="ws-source-marker"><xsl:value-of select="@caret"/>^ <xsl:value-of select="p:text('ws.submit.error.marker', $lang)"/></span>
                  <xsl:text>&#10;</xsl:text>
                </xsl:if>
              </xsl:for-each></pre>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </xsl:if>
    <xsl:if test="@problem = 'empty'">
      <div class="ws-error-summary" role="alert"><p><xsl:value-of select="p:text('ws.submit.empty', $lang)"/></p></div>
    </xsl:if>
    <p><xsl:value-of select="p:text('ws.submit.intro', $lang)"/></p>
    <form method="post" action="/submit" enctype="multipart/form-data" class="ws-form ws-submit">
      <xsl:call-template name="csrf"/>
      <p>
        <label for="submit-file"><xsl:value-of select="p:text('ws.submit.file', $lang)"/></label>
        <input id="submit-file" name="file" type="file" accept=".xml,application/xml,text/xml"/>
      </p>
      <p class="ws-or"><xsl:value-of select="p:text('ws.submit.or', $lang)"/></p>
      <p>
        <label for="submit-xml"><xsl:value-of select="p:text('ws.submit.paste', $lang)"/></label>
        <textarea id="submit-xml" name="xml" rows="16" spellcheck="false"><xsl:value-of select="w:pasted"/></textarea>
      </p>
      <p><button type="submit"><xsl:value-of select="p:text('ws.submit.send', $lang)"/></button></p>
    </form>
  </xsl:template>

  <!-- ================================================================ document -->
  <xsl:template match="w:page[@name = 'document']">
    <xsl:call-template name="notice"/>
    <dl class="ws-meta">
      <dt><xsl:value-of select="p:text('ws.document.meta.type', $lang)"/></dt>
      <dd><xsl:value-of select="@type-label"/></dd>
      <dt><xsl:value-of select="p:text('ws.document.meta.id', $lang)"/></dt>
      <dd><code><xsl:value-of select="@id"/></code></dd>
      <dt><xsl:value-of select="p:text('ws.document.meta.created', $lang)"/></dt>
      <dd><xsl:for-each select="w:created"><xsl:call-template name="time"/></xsl:for-each></dd>
    </dl>
    <xsl:if test="@pending">
      <p class="ws-notice" role="status"><xsl:value-of select="p:text('ws.document.pending', $lang)"/></p>
    </xsl:if>
    <xsl:if test="w:action">
      <section class="ws-actions" aria-labelledby="actions-heading">
        <h2 id="actions-heading"><xsl:value-of select="p:text('ws.document.actions', $lang)"/></h2>
        <xsl:for-each select="w:action">
          <xsl:variable name="label" select="p:text(concat('ws.document.action.', @step), $lang)"/>
          <form method="post" action="{@url}" class="ws-form ws-action" data-step="{@step}">
            <xsl:call-template name="csrf"/>
            <h3 id="action-{@step}"><xsl:value-of select="$label"/></h3>
            <xsl:if test="@step != 'publish'">
              <p>
                <label for="comment-{@step}"><xsl:value-of select="p:text('ws.document.comment', $lang)"/></label>
                <textarea id="comment-{@step}" name="comment" rows="2">
                  <xsl:if test="@needs-comment"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
                </textarea>
              </p>
            </xsl:if>
            <p>
              <input type="checkbox" id="confirm-{@step}" name="confirm" value="yes" required="required"/>
              <xsl:text> </xsl:text>
              <label for="confirm-{@step}"><xsl:value-of select="p:text('ws.document.confirm', $lang)"/></label>
            </p>
            <p><button type="submit" aria-describedby="action-{@step}"><xsl:value-of select="$label"/></button></p>
          </form>
        </xsl:for-each>
      </section>
    </xsl:if>
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading"><xsl:value-of select="p:text('ws.document.versions', $lang)"/></h2>
      <xsl:choose>
        <xsl:when test="not(w:version)">
          <p><xsl:value-of select="p:text('ws.document.no-versions', $lang)"/></p>
        </xsl:when>
        <xsl:otherwise>
          <ul class="ws-versions">
            <xsl:for-each select="w:version">
              <li data-version="{@number}" data-state="{@state}">
                <h3>
                  <xsl:value-of select="p:message(p:text('ws.document.version', $lang), $lang, 'version', number(@number))"/>
                  <xsl:text> </xsl:text>
                  <span class="state state-{@state}">
                    <xsl:call-template name="state-label"><xsl:with-param name="state" select="@state"/></xsl:call-template>
                  </span>
                </h3>
                <xsl:variable name="when"><xsl:call-template name="time-text"/></xsl:variable>
                <p><xsl:value-of select="p:message(p:text('ws.document.version.meta', $lang), $lang,
                                                   'by', string(@by), 'at', string($when))"/></p>
                <ul>
                  <xsl:for-each select="w:file">
                    <li>
                      <a href="{@url}">
                        <xsl:choose>
                          <xsl:when test="@kind = 'input'">
                            <xsl:attribute name="download"><xsl:value-of select="@name"/></xsl:attribute>
                            <xsl:value-of select="p:text('ws.document.file.input', $lang)"/>
                          </xsl:when>
                          <xsl:otherwise>
                            <xsl:variable name="edition">
                              <xsl:choose>
                                <xsl:when test="@edition = 'fr' or @edition = 'nl' or @edition = 'fr-nl'">
                                  <xsl:value-of select="p:text(concat('ws.document.edition.', @edition), $lang)"/>
                                </xsl:when>
                                <xsl:otherwise><xsl:value-of select="@edition"/></xsl:otherwise>
                              </xsl:choose>
                            </xsl:variable>
                            <xsl:value-of select="p:message(p:text(concat('ws.document.file.', @kind), $lang), $lang,
                                                            'edition', string($edition))"/>
                          </xsl:otherwise>
                        </xsl:choose>
                      </a>
                    </li>
                  </xsl:for-each>
                </ul>
              </li>
            </xsl:for-each>
          </ul>
          <p><a href="{@review-url}"><xsl:value-of select="p:text('ws.document.review', $lang)"/></a></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ================================================================ helpers -->
  <xsl:template name="state-label">
    <xsl:param name="state"/>
    <xsl:choose>
      <xsl:when test="$state = 'draft' or $state = 'in-review' or $state = 'approved' or $state = 'published'
                      or $state = 'withdrawn'">
        <xsl:value-of select="p:text(concat('ws.state.', $state), $lang)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$state"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="time-text">
    <xsl:choose>
      <xsl:when test="@local-at"><xsl:value-of select="p:datetime(string(@local-at), $lang)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@at"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="time">
    <xsl:choose>
      <xsl:when test="@local-at"><time datetime="{@at}"><xsl:call-template name="time-text"/></time></xsl:when>
      <xsl:otherwise><xsl:value-of select="@at"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
