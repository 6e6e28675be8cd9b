<?xml version="1.0" encoding="UTF-8"?>
<!--
  Stylesheet parameters shared by every document type and every output. Each module that
  reads one imports this file; the C++ passes them to the driver (e.g. xslt/letter/html.xsl).

  lang      output language: 'fr' (fr-BE) or 'nl' (nl-BE). Default 'fr'.

  Derived:
  lang-tag  BCP 47 tag for lang attributes: 'fr-BE' or 'nl-BE'.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:param name="lang" select="'fr'"/>
  <xsl:variable name="lang-tag" select="concat($lang, '-BE')"/>
</xsl:stylesheet>
