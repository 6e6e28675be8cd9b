#include "print/SampleDocuments.h"

namespace paraph::print::testing {
namespace {

const char* const kStyle = R"(
  @page { size: A4; margin: 25mm 20mm;
          @bottom-center { content: counter(page) " / " counter(pages); font: 9pt "DejaVu Sans", sans-serif; } }
  @page :first { @bottom-center { content: none } }
  body { font: 10.5pt/1.45 "DejaVu Sans", sans-serif; color: #1a1a1a; }
  h1 { font-size: 17pt; color: #00507d; margin: 0 0 8mm; }
  h2 { font-size: 13pt; color: #00507d; border-bottom: 1px solid #00507d; }
  .page { break-before: page; page-break-before: always; }
  .reference { background: #e8f0f6; padding: 3mm; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #888; padding: 1.5mm 2mm; text-align: left; }
  td.amount { text-align: right; }
)";

const char* const kFiller =
    "<p>Conformément à l’article 34 de la loi relative à l’assurance obligatoire soins de santé et "
    "indemnités, coordonnée le 14 juillet 1994, le Service des soins de santé a examiné votre demande "
    "ainsi que les pièces justificatives transmises par votre organisme assureur.</p>";

}  // namespace

std::string threePageFrenchDecision() {
  std::string html = std::string(R"(<!DOCTYPE html>
<html lang="fr-BE"><head><meta charset="utf-8"><title>Décision d’intervention majorée</title><style>)") +
                     kStyle + R"(</style></head><body>
<h1>Décision d’intervention majorée</h1>
<p class="reference">Référence du dossier : INAMI/SSS/2024/00417 — Bruxelles, le 12 mars 2024</p>
<p>Madame, Monsieur,</p>)";
  for (int i = 0; i < 3; ++i) html += kFiller;
  html += R"(
<div class="page"><h2>Montants remboursés</h2>
<table><thead><tr><th>Prestation</th><th>Code</th><th>Montant (EUR)</th></tr></thead><tbody>)";
  const char* rows[][3] = {{"Consultation du médecin généraliste", "101076", "30,00"},
                           {"Kinésithérapie — séance individuelle", "560011", "24,85"},
                           {"Soins infirmiers à domicile", "425014", "18,42"},
                           {"Biologie clinique", "540035", "12,10"}};
  for (const auto& row : rows) {
    html += std::string("<tr><td>") + row[0] + "</td><td>" + row[1] + "</td><td class=\"amount\">" + row[2] + "</td></tr>";
  }
  html += R"(</tbody></table>)";
  html += kFiller;
  html += R"(</div>
<div class="page"><h2>Voies de recours</h2>)";
  html += kFiller;
  html += R"(<p>Vous pouvez introduire un recours contre cette décision auprès du tribunal du travail
dans les trois mois de sa notification.</p></div>
</body></html>)";
  return html;
}

PrintSettings frenchDecisionSettings() {
  PrintSettings settings;
  settings.title = "Décision d’intervention majorée";
  settings.author = "INAMI – RIZIV";
  settings.subject = "Intervention majorée — dossier INAMI/SSS/2024/00417";
  settings.keywords = {"INAMI", "intervention majorée", "décision"};
  settings.language = "fr-BE";
  settings.documentReference = "INAMI/SSS/2024/00417";
  return settings;
}

std::string hostileDocument(unsigned port) {
  const std::string local = "http://127.0.0.1:" + std::to_string(port);
  return R"(<!DOCTYPE html><html lang="fr-BE"><head><meta charset="utf-8"><title>Hostile</title>
<meta http-equiv="refresh" content="0; url=)" + local + R"(/refresh">
<link rel="stylesheet" href="file:///etc/passwd">
<link rel="stylesheet" href=")" + local + R"(/style.css">
<link rel="prefetch" href=")" + local + R"(/prefetch">
<style>@import url(")" + local + R"(/import.css"); body { background: url(")" + local + R"(/background.png"); }
@font-face { font-family: Leak; src: url(")" + local + R"(/font.woff"); } p { font-family: Leak, sans-serif; }</style>
<script>fetch(')" + local + R"(/fetch'); var x = new XMLHttpRequest(); x.open('GET', ')" + local +
         R"(/xhr'); x.send(); document.write('<p>SCRIPT-RAN</p>');</script>
</head><body>
<h1>Document hostile</h1>
<p>Texte visible avant les pièges.</p>
<iframe src="file:///etc/passwd" width="600" height="300"></iframe>
<iframe src=")" + local + R"(/frame"></iframe>
<iframe src="http://paraph.invalid/document"></iframe>
<img src="http://169.254.169.254/latest/meta-data/" alt="metadata">
<img src=")" + local + R"(/image.png" alt="local">
<a href="file:///etc/passwd">mot de passe</a>
<object data="file:///etc/passwd" type="text/plain" width="600" height="200"></object>
<object data=")" + local + R"(/object" type="text/html"></object>
<embed src=")" + local + R"(/embed">
<video src=")" + local + R"(/video.mp4" poster=")" + local + R"(/poster.png"></video>
<form action=")" + local + R"(/form"><input type="image" src=")" + local + R"(/input.png"></form>
<p>Texte visible après les pièges.</p>
</body></html>)";
}

std::string endlessDocument() {
  std::string html = R"(<!DOCTYPE html><html lang="fr-BE"><head><meta charset="utf-8"><title>Sans fin</title>
<style>@page { size: A4; margin: 20mm } td { border: 1px solid #000; padding: 1px }</style></head><body><table>)";
  for (int row = 0; row < 200000; ++row) {
    html += "<tr><td>Ligne " + std::to_string(row) + "</td><td>Montant à rembourser</td><td>123,45</td></tr>";
  }
  html += "</table></body></html>";
  return html;
}

}  // namespace paraph::print::testing
