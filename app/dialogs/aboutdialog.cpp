#include "dialogs/aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <map>
#include <set>

namespace sv {

QString AboutDialog::aboutHtml(const std::vector<Attribution>& attributions) {
  QString html = QStringLiteral(
                     "<h2>Situation Viewer %1</h2>"
                     "<p>A map of the conflict in Mali through time.</p>"
                     "<h3>Geographic data</h3><ul>")
                     .arg(QStringLiteral(SV_VERSION));
  // One entry per source, with the layers it provides.
  std::map<std::string, std::set<std::string>> layersBySource;
  std::map<std::string, const Attribution*> firstBySource;
  for (const Attribution& a : attributions) {
    layersBySource[a.source + a.text].insert(a.layer);
    firstBySource.emplace(a.source + a.text, &a);
  }
  for (const auto& [key, layers] : layersBySource) {
    const Attribution& a = *firstBySource.at(key);
    QStringList layerNames;
    for (const auto& layer : layers) layerNames << QString::fromStdString(layer);
    html +=
        QStringLiteral("<li><b>%1</b> %2 — %3<br/>Licence: %4<br/>Layers: %5</li>")
            .arg(QString::fromStdString(a.source).toHtmlEscaped(), QString::fromStdString(a.version).toHtmlEscaped(),
                 QString::fromStdString(a.text).toHtmlEscaped(), QString::fromStdString(a.licence).toHtmlEscaped(),
                 layerNames.join(QStringLiteral(", ")).toHtmlEscaped());
  }
  html += QStringLiteral("</ul>");
  return html;
}

AboutDialog::AboutDialog(const std::vector<Attribution>& attributions, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("About Situation Viewer"));
  auto* layout = new QVBoxLayout(this);
  auto* text = new QTextBrowser(this);
  text->setOpenExternalLinks(true);
  text->setHtml(aboutHtml(attributions));
  layout->addWidget(text);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  resize(560, 420);
}

} // namespace sv
