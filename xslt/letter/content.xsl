<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notification letter (lettre de notification / kennisgevingsbrief): the body of the letter
  as HTML, output-neutral, for the drivers of this folder (html.xsl today; a side-by-side
  FR|NL driver can reuse the same templates with another $lang).

  Reads the input (namespace l) and the enrichment the C++ appends as the last child of the
  root (namespace e): the labour court, for legal mention 2. Never reads the court from the
  input.

  Every generated word comes from catalog/l10n (p:text) or catalog/terminology.xml (p:term);
  free text is output as text nodes only.

  The six legal mentions of art. 14 of the Charter of the socially insured are blocks with
  data-legal-mention="1".."6". A block whose data is missing is left EMPTY (no intro text),
  so that the C++ check after rendering (all six present and non-empty) refuses the output.

  Entry: mode letter.body on l:letter.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:l="https://paraph.inami.fgov.be/ns/letter/1"
                xmlns:e="https://paraph.inami.fgov.be/ns/enrichment/1"
                xmlns:p="https://paraph.inami.fgov.be/ns/functions"
                exclude-result-prefixes="l e p">
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/format.xsl"/>
  <xsl:import href="../common/letterhead.xsl"/>

  <xsl:variable name="council" select="p:term('medical-council-for-invalidity', $lang)"/>
  <xsl:variable name="adviser" select="p:term('medical-adviser', $lang)"/>

  <!-- The title of the HTML page. -->
  <xsl:template match="l:letter" mode="letter.title">
    <xsl:value-of select="p:message(p:text('letter.title', $lang), $lang, 'reference', string(l:reference))"/>
  </xsl:template>

  <!-- The running footer: the file reference. -->
  <xsl:template match="l:letter" mode="letter.running-reference">
    <xsl:value-of select="p:message(p:text('page.running-reference', $lang), $lang, 'reference', string(l:reference))"/>
  </xsl:template>

  <xsl:template match="l:letter" mode="letter.body">
    <div class="letter">
      <header class="letter-head">
        <xsl:call-template name="letterhead">
          <xsl:with-param name="element" select="'div'"/>
          <xsl:with-param name="service-term" select="'benefits-service'"/>
          <xsl:with-param name="body-term" select="'medical-council-for-invalidity'"/>
        </xsl:call-template>
        <xsl:apply-templates select="l:recipient"/>
      </header>
      <main class="letter-body">
        <xsl:call-template name="letter.references"/>
        <h1 class="subject" data-segment="subject">
          <span class="subject-label"><xsl:value-of select="p:text('letter.subject.label', $lang)"/></span>
          <xsl:text> </xsl:text>
          <xsl:value-of select="p:text(concat('letter.subject.', l:decision/@outcome), $lang)"/>
        </h1>
        <p class="salutation" data-segment="salutation">
          <xsl:value-of select="p:message(p:text('letter.salutation', $lang), $lang,
                                          'salutation', string(l:recipient/@salutation),
                                          'family', string(l:recipient/l:name/l:family),
                                          'name', concat(l:recipient/l:name/l:given, ' ', l:recipient/l:name/l:family))"/>
        </p>
        <xsl:apply-templates select="l:request"/>
        <xsl:apply-templates select="l:decision"/>
        <xsl:apply-templates select="l:motivation"/>
        <xsl:call-template name="letter.legal-mentions"/>
        <div class="sign-off">
          <p class="closing" data-segment="closing">
            <xsl:value-of select="p:message(p:text('letter.closing', $lang), $lang,
                                            'salutation', string(l:recipient/@salutation))"/>
          </p>
          <xsl:apply-templates select="l:signatory"/>
          <p class="copy" data-segment="copy"><xsl:value-of select="p:text('letter.copy', $lang)"/></p>
        </div>
      </main>
    </div>
  </xsl:template>

  <!-- ============================================================ address window -->

  <xsl:template match="l:recipient">
    <div class="window" data-segment="recipient">
      <p class="registered"><xsl:value-of select="p:text('letter.registered', $lang)"/></p>
      <address class="recipient">
        <xsl:value-of select="p:message(p:text('letter.recipient.line', $lang), $lang,
                                        'salutation', string(@salutation),
                                        'name', concat(l:name/l:given, ' ', l:name/l:family))"/>
        <br/>
        <xsl:value-of select="l:address/l:street"/>
        <br/>
        <xsl:value-of select="concat(l:address/l:postal-code, ' ', l:address/l:city)"/>
      </address>
    </div>
  </xsl:template>

  <!-- ============================================================ reference line -->

  <xsl:template name="letter.references">
    <dl class="references" data-segment="references">
      <div>
        <dt><xsl:value-of select="p:text('letter.meta.reference', $lang)"/></dt>
        <dd><xsl:value-of select="l:reference"/></dd>
      </div>
      <div>
        <dt><xsl:value-of select="p:text('letter.meta.request-date', $lang)"/></dt>
        <dd><xsl:value-of select="p:date(string(l:request/l:received), $lang)"/></dd>
      </div>
      <div>
        <dt><xsl:value-of select="p:text('letter.meta.date', $lang)"/></dt>
        <dd><time datetime="{l:date}"><xsl:value-of select="p:date(string(l:date), $lang)"/></time></dd>
      </div>
    </dl>
  </xsl:template>

  <!-- ============================================================ request -->

  <xsl:template match="l:request">
    <section class="request" aria-labelledby="request-heading">
      <h2 id="request-heading" data-segment="request-heading"><xsl:value-of select="p:text('letter.request.heading', $lang)"/></h2>
      <p data-segment="request-intro">
        <xsl:value-of select="p:message(p:text('letter.request.intro', $lang), $lang,
                                        'received', p:date(string(l:received), $lang),
                                        'adviser', $adviser,
                                        'council', $council)"/>
      </p>
      <p class="request-description" data-segment="request-description"><xsl:apply-templates select="l:description" mode="format.text"/></p>
      <p data-segment="request-amount">
        <xsl:value-of select="p:message(p:text('letter.request.amount', $lang), $lang,
                                        'amount', p:money(string(l:amount-requested), $lang))"/>
      </p>
    </section>
  </xsl:template>

  <!-- ============================================================ decision -->

  <xsl:template match="l:decision">
    <xsl:variable name="outcome" select="string(@outcome)"/>
    <section class="decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading" data-segment="decision-heading"><xsl:value-of select="p:text('letter.decision.heading', $lang)"/></h2>
      <p data-segment="decision-text">
        <xsl:value-of select="p:message(p:text(concat('letter.decision.text.', $outcome), $lang), $lang,
                                        'date', p:date(string(/l:letter/l:date), $lang),
                                        'council', $council)"/>
      </p>
      <table class="decision-figures" data-segment="decision-figures">
        <caption><xsl:value-of select="p:text('letter.decision.table.caption', $lang)"/></caption>
        <tbody>
          <tr>
            <th scope="row"><xsl:value-of select="p:text('letter.decision.outcome', $lang)"/></th>
            <td class="outcome outcome-{$outcome}"><xsl:value-of select="p:text(concat('letter.outcome.', $outcome), $lang)"/></td>
          </tr>
          <tr>
            <th scope="row"><xsl:value-of select="p:text('letter.decision.amount-requested', $lang)"/></th>
            <td class="amount"><xsl:value-of select="p:money(string(../l:request/l:amount-requested), $lang)"/></td>
          </tr>
          <xsl:if test="l:amount">
            <tr class="granted">
              <th scope="row"><xsl:value-of select="p:text('letter.decision.amount-granted', $lang)"/></th>
              <td class="amount"><strong><xsl:value-of select="p:money(string(l:amount), $lang)"/></strong></td>
            </tr>
            <tr>
              <th scope="row"><xsl:value-of select="p:text('letter.decision.amount-in-words', $lang)"/></th>
              <td class="amount-words"><xsl:value-of select="p:money-words(string(l:amount), $lang)"/></td>
            </tr>
          </xsl:if>
          <xsl:if test="l:period">
            <tr>
              <th scope="row"><xsl:value-of select="p:text('letter.decision.period', $lang)"/></th>
              <td>
                <xsl:value-of select="p:message(p:text('letter.decision.period-value', $lang), $lang,
                                                'from', p:date(string(l:period/l:from), $lang),
                                                'to', p:date(string(l:period/l:to), $lang))"/>
              </td>
            </tr>
          </xsl:if>
        </tbody>
      </table>
      <xsl:if test="$outcome != 'refused'">
        <p data-segment="decision-payment"><xsl:value-of select="p:text('letter.decision.payment', $lang)"/></p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ motivation -->

  <xsl:template match="l:motivation">
    <section class="motivation" aria-labelledby="motivation-heading">
      <h2 id="motivation-heading" data-segment="motivation-heading"><xsl:value-of select="p:text('letter.motivation.heading', $lang)"/></h2>
      <xsl:if test="l:facts/l:p">
        <h3 data-segment="facts-heading"><xsl:value-of select="p:text('letter.motivation.facts', $lang)"/></h3>
        <xsl:apply-templates select="l:facts" mode="format.paragraphs">
          <xsl:with-param name="segment-prefix" select="'facts'"/>
        </xsl:apply-templates>
      </xsl:if>
      <xsl:if test="l:grounds/l:p">
        <h3 data-segment="grounds-heading"><xsl:value-of select="p:text('letter.motivation.grounds', $lang)"/></h3>
        <xsl:apply-templates select="l:grounds" mode="format.paragraphs">
          <xsl:with-param name="segment-prefix" select="'grounds'"/>
        </xsl:apply-templates>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ legal mentions -->

  <xsl:template name="letter.legal-mentions">
    <xsl:variable name="court" select="/l:letter/e:enrichment[last()]/e:court"/>
    <section class="legal-mentions" aria-labelledby="legal-heading">
      <h2 id="legal-heading" data-segment="legal-heading"><xsl:value-of select="p:text('letter.legal.heading', $lang)"/></h2>

      <!-- 1: an appeal to the labour court is possible -->
      <div class="legal-mention" data-legal-mention="1" data-segment="legal-mention-1">
        <p><xsl:value-of select="p:text('letter.legal.appeal', $lang)"/></p>
      </div>

      <!-- 2: the competent court and its registry's address (from the enrichment only) -->
      <div class="legal-mention" data-legal-mention="2" data-segment="legal-mention-2">
        <xsl:if test="$court/e:name[lang($lang)] and $court/e:address[lang($lang)]/e:line">
          <p><xsl:value-of select="p:text('letter.legal.court', $lang)"/></p>
          <p class="court">
            <strong><xsl:value-of select="$court/e:name[lang($lang)]"/></strong>
            <br/>
            <xsl:value-of select="p:text('letter.legal.registry', $lang)"/>
            <br/>
            <xsl:call-template name="format.lines">
              <xsl:with-param name="lines" select="$court/e:address[lang($lang)]/e:line"/>
            </xsl:call-template>
          </p>
        </xsl:if>
      </div>

      <!-- 3: the three-month deadline and how to appeal -->
      <div class="legal-mention" data-legal-mention="3" data-segment="legal-mention-3">
        <p><xsl:value-of select="p:text('letter.legal.deadline', $lang)"/></p>
        <p><xsl:value-of select="p:text('letter.legal.how', $lang)"/></p>
      </div>

      <!-- 4: articles 728 and 1017 of the Judicial Code -->
      <div class="legal-mention" data-legal-mention="4" data-segment="legal-mention-4">
        <p class="legal-title"><xsl:value-of select="p:text('letter.legal.art728.title', $lang)"/></p>
        <p><xsl:value-of select="p:text('letter.legal.art728.text', $lang)"/></p>
        <p class="legal-title"><xsl:value-of select="p:text('letter.legal.art1017.title', $lang)"/></p>
        <p><xsl:value-of select="p:text('letter.legal.art1017.text', $lang)"/></p>
      </div>

      <!-- 5: the file reference and the service handling it -->
      <div class="legal-mention" data-legal-mention="5" data-segment="legal-mention-5">
        <xsl:variable name="handling">
          <xsl:apply-templates select="/l:letter/l:handling-service/l:name" mode="format.text"/>
        </xsl:variable>
        <xsl:if test="normalize-space($handling) != '' and normalize-space(/l:letter/l:reference) != ''">
          <p>
            <xsl:value-of select="p:message(p:text('letter.legal.file', $lang), $lang,
                                            'reference', string(/l:letter/l:reference),
                                            'service', normalize-space($handling))"/>
          </p>
        </xsl:if>
      </div>

      <!-- 6: the service that can explain the decision, with its phone and e-mail -->
      <div class="legal-mention" data-legal-mention="6" data-segment="legal-mention-6">
        <xsl:variable name="info" select="/l:letter/l:information-service"/>
        <xsl:variable name="info-name">
          <xsl:apply-templates select="$info/l:name" mode="format.text"/>
        </xsl:variable>
        <xsl:if test="normalize-space($info-name) != '' and (normalize-space($info/l:phone) != '' or normalize-space($info/l:email) != '')">
          <p>
            <xsl:value-of select="p:message(p:text('letter.legal.information', $lang), $lang,
                                            'service', normalize-space($info-name))"/>
          </p>
          <ul class="contact">
            <xsl:if test="normalize-space($info/l:phone) != ''">
              <li>
                <xsl:value-of select="p:text('letter.legal.phone', $lang)"/>
                <xsl:text> </xsl:text>
                <a>
                  <xsl:attribute name="href">
                    <xsl:call-template name="format.tel-href">
                      <xsl:with-param name="phone" select="string($info/l:phone)"/>
                    </xsl:call-template>
                  </xsl:attribute>
                  <xsl:value-of select="$info/l:phone"/>
                </a>
              </li>
            </xsl:if>
            <xsl:if test="normalize-space($info/l:email) != ''">
              <li>
                <xsl:value-of select="p:text('letter.legal.email', $lang)"/>
                <xsl:text> </xsl:text>
                <a href="mailto:{$info/l:email}"><xsl:value-of select="$info/l:email"/></a>
              </li>
            </xsl:if>
          </ul>
        </xsl:if>
      </div>
    </section>
  </xsl:template>

  <!-- ============================================================ signature -->

  <xsl:template match="l:signatory">
    <div class="signature" data-segment="signature">
      <p><xsl:value-of select="p:message(p:text('letter.signature.for', $lang), $lang, 'council', $council)"/></p>
      <p class="signatory-name"><xsl:value-of select="l:name"/></p>
      <p class="signatory-function"><xsl:apply-templates select="l:function" mode="format.text"/></p>
    </div>
  </xsl:template>
</xsl:stylesheet>
