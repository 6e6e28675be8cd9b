<?xml version="1.0" encoding="UTF-8"?>
<!--
  The workspace's batch pages (docs/batch.md), included by page.xsl:
    batch-new: @problem (empty)?
    batch:     @id @total @done @failed @waiting @percent @rate @seconds-left? @state (running|finished)
               @mail-room (none|pending|built|failed) @notice?
               <w:error place document line column message job-failed?/>…
               <w:download kind url/>… (report, pdfs, mail-room-fr, mail-room-nl)
               <w:script>…</w:script>: the page's one script (live progress over the event stream),
               allowed by the page's Content-Security-Policy by its hash. Without it (or without
               JavaScript) the page is the same, and a reload shows the progress.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:w="https://paraph.inami.fgov.be/ns/workspace/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="w p">

  <!-- ================================================================ batch-new -->
  <xsl:template match="w:page[@name = 'batch-new']">
    <xsl:if test="@problem = 'empty'">
      <div class="ws-error-summary" role="alert"><p><xsl:value-of select="p:text('ws.batch.new.empty', $lang)"/></p></div>
    </xsl:if>
    <p><xsl:value-of select="p:text('ws.batch.new.intro', $lang)"/></p>
    <form method="post" action="/batches" enctype="multipart/form-data" class="ws-form ws-batch-new">
      <xsl:call-template name="csrf"/>
      <p>
        <label for="batch-file"><xsl:value-of select="p:text('ws.batch.new.file', $lang)"/></label>
        <input id="batch-file" name="file" type="file" required="required"
               accept=".zip,.xml,application/zip,application/xml,text/xml"/>
      </p>
      <p><button type="submit"><xsl:value-of select="p:text('ws.batch.new.send', $lang)"/></button></p>
    </form>
  </xsl:template>

  <!-- ================================================================ batch -->
  <xsl:template match="w:page[@name = 'batch']">
    <xsl:call-template name="notice"/>
    <section aria-labelledby="batch-progress-label" class="ws-batch" data-batch="{@id}" data-state="{@state}">
      <h2 id="batch-progress-label"><xsl:value-of select="p:text('ws.batch.progress.label', $lang)"/></h2>
      <progress id="batch-progress" max="{@total}" value="{@done + @failed}" aria-labelledby="batch-progress-label">
        <xsl:value-of select="@percent"/>
        <xsl:text> %</xsl:text>
      </progress>
      <dl class="ws-facts ws-batch-counts">
        <dt><xsl:value-of select="p:text('ws.batch.count.total', $lang)"/></dt>
        <dd data-count="total"><xsl:value-of select="@total"/></dd>
        <dt><xsl:value-of select="p:text('ws.batch.count.done', $lang)"/></dt>
        <dd data-count="done"><xsl:value-of select="@done"/></dd>
        <dt><xsl:value-of select="p:text('ws.batch.count.failed', $lang)"/></dt>
        <dd data-count="failed"><xsl:value-of select="@failed"/></dd>
        <dt><xsl:value-of select="p:text('ws.batch.count.waiting', $lang)"/></dt>
        <dd data-count="waiting"><xsl:value-of select="@waiting"/></dd>
      </dl>
      <xsl:choose>
        <xsl:when test="@state = 'finished'">
          <p class="ws-notice" role="status"><xsl:value-of select="p:text('ws.batch.finished', $lang)"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p role="status">
            <xsl:if test="number(@rate) &gt; 0">
              <xsl:value-of select="p:message(p:text('ws.batch.rate', $lang), $lang, 'rate', number(@rate))"/>
              <xsl:if test="@seconds-left">
                <xsl:text>, </xsl:text>
                <xsl:value-of select="p:message(p:text('ws.batch.left', $lang), $lang, 'seconds', number(@seconds-left))"/>
              </xsl:if>
              <xsl:text>. </xsl:text>
            </xsl:if>
            <xsl:value-of select="p:text('ws.batch.running', $lang)"/>
          </p>
          <p><a href="{$page/@path}" class="ws-reload"><xsl:value-of select="p:text('ws.batch.reload', $lang)"/></a></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="batch-errors">
      <h2 id="batch-errors">
        <xsl:value-of select="p:message(p:text('ws.batch.errors', $lang), $lang, 'count', count(w:error))"/>
      </h2>
      <xsl:choose>
        <xsl:when test="not(w:error)">
          <p><xsl:value-of select="p:text('ws.batch.errors.none', $lang)"/></p>
        </xsl:when>
        <xsl:otherwise>
          <div class="ws-table-wrap">
            <table class="ws-table ws-batch-errors">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="p:text('ws.batch.column.place', $lang)"/></th>
                  <th scope="col"><xsl:value-of select="p:text('ws.batch.column.document', $lang)"/></th>
                  <th scope="col"><xsl:value-of select="p:text('ws.batch.column.line', $lang)"/></th>
                  <th scope="col"><xsl:value-of select="p:text('ws.batch.column.column', $lang)"/></th>
                  <th scope="col"><xsl:value-of select="p:text('ws.batch.column.message', $lang)"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="w:error">
                  <tr>
                    <th scope="row"><xsl:value-of select="@place"/></th>
                    <td><xsl:value-of select="@document"/></td>
                    <td><xsl:if test="number(@line) &gt; 0"><xsl:value-of select="@line"/></xsl:if></td>
                    <td><xsl:if test="number(@column) &gt; 0"><xsl:value-of select="@column"/></xsl:if></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@job-failed">
                          <xsl:value-of select="p:message(p:text('ws.batch.job-failed', $lang), $lang, 'error', string(@message))"/>
                        </xsl:when>
                        <xsl:otherwise><xsl:value-of select="@message"/></xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="batch-downloads">
      <h2 id="batch-downloads"><xsl:value-of select="p:text('ws.batch.downloads', $lang)"/></h2>
      <ul class="ws-downloads">
        <xsl:for-each select="w:download">
          <li><a href="{@url}" data-kind="{@kind}"><xsl:value-of select="p:text(concat('ws.batch.', @kind), $lang)"/></a></li>
        </xsl:for-each>
      </ul>
      <xsl:if test="@mail-room = 'pending'">
        <p><xsl:value-of select="p:text('ws.batch.mail-room.pending', $lang)"/></p>
      </xsl:if>
      <xsl:if test="@mail-room = 'failed'">
        <p role="alert"><xsl:value-of select="p:text('ws.batch.mail-room.failed', $lang)"/></p>
      </xsl:if>
    </section>
    <xsl:if test="string(w:script) != ''">
      <script><xsl:value-of select="w:script" disable-output-escaping="yes"/></script>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
