#include "briefing.h"

#include "compositionwriter.h"
#include "incidentreport.h"

#include "render/mapstyle.h"

#include <QAbstractTextDocumentLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace sv {
namespace {

QString h(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

} // namespace

QString briefingTableHtml(const EventStore& store, const std::vector<EventStore::Index>& incidents, const QString& heading) {
  QString html = QStringLiteral("<h2>%1</h2>").arg(heading.toHtmlEscaped());
  html += QStringLiteral(
      "<table width='100%' cellspacing='0' cellpadding='3' border='0.5' style='border-collapse:collapse;'>"
      "<thead><tr style='background-color:#e8e6e1'><th align='left' width='12%'>Date</th><th align='left' width='12%'>Place</th>"
      "<th align='left' width='13%'>Type</th><th align='right' width='11%'>Fatalities</th>"
      "<th align='left'>Summary and sources</th></tr></thead>");
  for (EventStore::Index i : incidents) {
    const Incident incident = store.incident(i);
    QString type = h(std::string(eventTypeName(incident.type)));
    if (incident.subType != SubEventType::Unspecified) type += QStringLiteral("<br><small>%1</small>").arg(h(std::string(subEventTypeName(incident.subType))));
    QString place = h(incident.place);
    if (!incident.region.empty()) place += QStringLiteral("<br><small>%1</small>").arg(h(incident.region));
    QString summary = h(incident.summary);
    const std::string actors = describeActors(incident.actors);
    if (!actors.empty()) summary = QStringLiteral("<i>%1</i><br>").arg(h(actors)) + summary;
    for (const Source& source : incident.sources)
      summary += QStringLiteral("<br><small>%1</small>").arg(h(describeSource(source)));
    summary += QStringLiteral("<br><small style='color:#777'>%1</small>").arg(h(incident.id));
    html += QStringLiteral("<tr><td valign='top'>%1</td><td valign='top'>%2</td><td valign='top'>%3</td>"
                           "<td valign='top' align='right'>%4</td><td valign='top'>%5</td></tr>")
                .arg(h(formatDateSpan(incident.start, incident.end, incident.datePrecision)), place, type,
                     h(formatFatalities(incident.fatalities)), summary);
  }
  html += QStringLiteral("</table>");
  if (incidents.empty()) html += QStringLiteral("<p>No incidents.</p>");
  return html;
}

bool writeBriefing(const QString& path, const PageFormat& format, const CompositionContent& content,
                   const std::vector<EventStore::Index>* incidents, QString* error, std::size_t* listed) {
  QPdfWriter pdf(path);
  preparePdfWriter(pdf, format, content.title);
  QPainter painter;
  if (!painter.begin(&pdf)) {
    *error = QStringLiteral("cannot write '%1': the file cannot be opened").arg(path);
    return false;
  }
  painter.scale(format.scale(), format.scale());
  const ComposedPage first = drawComposition(painter, format, content);

  // The incidents the map shows, unless given.
  std::vector<EventStore::Index> shown;
  if (incidents) {
    shown = *incidents;
  } else if (content.incidents) {
    const QRectF visible = first.mapSettings.visibleExtent();
    const EventStore& store = content.incidents->store();
    for (EventStore::Index i : store.overlapping(content.view.from, content.view.to, content.view.filter))
      if (visible.contains(content.incidents->position(i))) shown.push_back(i);
  }
  if (listed) *listed = shown.size();

  if (content.incidents) {
    const QSizeF page = format.logicalSize();
    const double margin = std::clamp(std::min(page.width(), page.height()) * 0.06, 24.0, 72.0);
    const QSizeF body(page.width() - 2 * margin, page.height() - 2 * margin - 20);
    QTextDocument document;
    document.setDefaultFont(mapstyle::mapFont(10));
    document.setDocumentMargin(0);
    document.setPageSize(body);
    document.setHtml(briefingTableHtml(content.incidents->store(), shown,
                                       QStringLiteral("%1 — %2").arg(content.title, content.subtitle)));
    const int pages = document.pageCount();
    for (int p = 0; p < pages; ++p) {
      pdf.newPage();
      painter.save();
      painter.translate(margin, margin - p * body.height());
      QAbstractTextDocumentLayout::PaintContext context;
      context.clip = QRectF(0, p * body.height(), body.width(), body.height());
      painter.setClipRect(context.clip);
      document.documentLayout()->draw(&painter, context);
      painter.restore();
      painter.setFont(mapstyle::mapFont(9));
      painter.setPen(QColor(0x55, 0x55, 0x55));
      painter.drawText(QRectF(margin, page.height() - margin, page.width() - 2 * margin, 18), Qt::AlignRight | Qt::AlignVCenter,
                       QStringLiteral("%1 · page %2 of %3").arg(content.title).arg(p + 2).arg(pages + 1));
    }
  }
  if (!painter.end()) {
    *error = QStringLiteral("cannot write '%1': writing failed").arg(path);
    return false;
  }
  return true;
}

} // namespace sv
