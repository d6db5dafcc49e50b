#include "export/briefing.h"

#include "export/compositioncontent.h"
#include "export/compositionwriter.h"
#include "export/historyreport.h"
#include "export/incidentreport.h"

#include "render/mapstyle.h"

#include <QAbstractTextDocumentLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace sv {
namespace {

QString h(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

} // namespace

QString briefingTableHtml(const EventStore& store, const BriefingList& list) {
  QString html = QStringLiteral("<h2>%1</h2>").arg(list.heading.toHtmlEscaped());
  if (!list.introduction.isEmpty()) html += QStringLiteral("<p>%1</p>").arg(list.introduction.toHtmlEscaped());
  const std::vector<EventStore::Index>& incidents = list.incidents;
  html += QStringLiteral(
      "<table width='100%' cellspacing='0' cellpadding='3' border='0.5' style='border-collapse:collapse;'>"
      "<thead><tr style='background-color:#e8e6e1'><th align='left' width='12%'>Date</th><th align='left' "
      "width='12%'>Place</th>"
      "<th align='left' width='13%'>Type</th><th align='right' width='11%'>Fatalities</th>"
      "<th align='left'>Summary and sources</th></tr></thead>");
  for (std::size_t row = 0; row < incidents.size(); ++row) {
    const Incident incident = store.incident(incidents[row]);
    QString type = h(std::string(eventTypeName(incident.type)));
    if (incident.subType != SubEventType::Unspecified)
      type += QStringLiteral("<br><small>%1</small>").arg(h(std::string(subEventTypeName(incident.subType))));
    QString place = h(incident.place);
    if (!incident.region.empty()) place += QStringLiteral("<br><small>%1</small>").arg(h(incident.region));
    if (row < list.placeNotes.size() && !list.placeNotes[row].isEmpty())
      place += QStringLiteral("<br><small><i>%1</i></small>").arg(list.placeNotes[row].toHtmlEscaped());
    QString summary = h(incident.summary);
    const std::string actors = describeActors(incident.actors);
    if (!actors.empty()) summary = QStringLiteral("<i>%1</i><br>").arg(h(actors)) + summary;
    for (const Source& source : incident.sources)
      summary += QStringLiteral("<br><small>%1</small>").arg(h(describeSource(source)));
    summary += QStringLiteral("<br><small style='color:#777'>%1</small>").arg(h(incident.id));
    html += QStringLiteral(
                "<tr><td valign='top'>%1</td><td valign='top'>%2</td><td valign='top'>%3</td>"
                "<td valign='top' align='right'>%4</td><td valign='top'>%5</td></tr>")
                .arg(h(formatDateSpan(incident.start, incident.end, incident.datePrecision)), place, type,
                     h(formatFatalities(incident.fatalities)), summary);
  }
  html += QStringLiteral("</table>");
  if (incidents.empty()) html += QStringLiteral("<p>No incidents.</p>");
  return html;
}

bool writeBriefing(const QString& path, const PageFormat& format, const CompositionContent& content,
                   const BriefingList* list, QString* error, std::size_t* listed) {
  // Written beside the old file and renamed over it when complete: a
  // failure or a kill midway leaves the old file whole.
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
    return false;
  }
  QPdfWriter pdf(&file);
  preparePdfWriter(pdf, format, content.title);
  QPainter painter;
  if (!painter.begin(&pdf)) {
    *error = QStringLiteral("cannot write '%1': the file cannot be opened").arg(path);
    return false;
  }
  painter.scale(format.scale(), format.scale());
  const ComposedPage first = drawComposition(painter, format, content);

  // The incidents the map shows, unless given.
  BriefingList shown;
  if (list) {
    shown = *list;
  } else if (content.incidents) {
    shown.heading = QStringLiteral("%1 — %2").arg(content.title, content.subtitle);
    const QRectF visible = first.mapSettings.visibleExtent();
    const EventStore& store = content.incidents->store();
    std::vector<EventStore::Index> unplaced;
    for (EventStore::Index i : store.overlapping(content.view.from, content.view.to, content.view.filter)) {
      if (!store.isPlaced(i))
        unplaced.push_back(i);
      else if (content.incidents->isIn(i, visible))
        shown.incidents.push_back(i);
    }
    // The documents place these only by region or country: no map can show
    // them, and a briefing of the period still lists them, after the others.
    if (!unplaced.empty()) {
      shown.placeNotes.assign(shown.incidents.size(), QString());
      for (EventStore::Index i : unplaced) {
        shown.incidents.push_back(i);
        shown.placeNotes.push_back(QStringLiteral("not on the map: placed only by %1")
                                       .arg(store.locationPrecision(i) == LocationPrecision::Country
                                                ? QStringLiteral("the country")
                                                : QStringLiteral("its region")));
      }
    }
  }
  if (listed) *listed = shown.incidents.size();

  if (content.incidents) {
    const QSizeF page = format.logicalSize();
    const double margin = std::clamp(std::min(page.width(), page.height()) * 0.06, 24.0, 72.0);
    const QSizeF body(page.width() - 2 * margin, page.height() - 2 * margin - 20);
    QTextDocument document;
    document.setDefaultFont(mapstyle::mapFont(10));
    document.setDocumentMargin(0);
    document.setPageSize(body);
    document.setHtml(briefingTableHtml(content.incidents->store(), shown));
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
      painter.drawText(QRectF(margin, page.height() - margin, page.width() - 2 * margin, 18),
                       Qt::AlignRight | Qt::AlignVCenter,
                       QStringLiteral("%1 · page %2 of %3").arg(content.title).arg(p + 2).arg(pages + 1));
    }
  }
  if (!painter.end() || !file.commit()) {
    *error = QStringLiteral("cannot write '%1': writing failed (%2)").arg(path, file.errorString());
    return false;
  }
  return true;
}

CompositionContent placeSheetContent(const MapContext& context, const HistoryReport& report) {
  const EventStore& store = report.store;
  const HistorySummary& summary = report.history.summary;
  const DayRange range{summary.firstStart.value_or(store.firstDay()), summary.lastEnd.value_or(store.lastDay())};

  // The place and every incident of its history, with room around them: at
  // least 25 km each way, or the nearby radius.
  const Point2 centre = context.projection.forward({report.place.longitude, report.place.latitude});
  const double reach = std::max(25000.0, report.radiusMetres * 1.1);
  QRectF extent(centre.x - reach, centre.y - reach, 2 * reach, 2 * reach);
  if (context.incidents)
    for (const HistoryEntry& entry : report.history.entries) {
      const QPointF at = context.incidents->position(entry.index);
      extent.setLeft(std::min(extent.left(), at.x()));
      extent.setRight(std::max(extent.right(), at.x()));
      extent.setTop(std::min(extent.top(), at.y()));
      extent.setBottom(std::max(extent.bottom(), at.y()));
    }
  extent = extent.marginsAdded(QMarginsF(extent.width(), extent.height(), extent.width(), extent.height()) * 0.08);

  const QString name = QString::fromStdString(report.place.name);
  CompositionContent content =
      compositionFor(context, range, IncidentFilter{}, extent, QStringLiteral("%1 — incident history").arg(name));
  const QString where =
      report.gazetteerPlace
          ? describePlace(*report.gazetteerPlace)
          : QStringLiteral("%1, %2").arg(name, describeCoordinates(report.place.longitude, report.place.latitude));
  const QString count =
      summary.incidents == 1 ? QStringLiteral("1 incident") : QStringLiteral("%1 incidents").arg(summary.incidents);
  content.subtitle = QStringLiteral("%1 · %2, %3").arg(where, count, QString::fromStdString(formatRangeLabel(range)));
  return content;
}

BriefingList placeSheetList(const HistoryReport& report) {
  BriefingList list;
  const QString name = QString::fromStdString(report.place.name);
  std::size_t nearby = 0;
  for (const HistoryEntry& entry : report.history.entries) {
    list.incidents.push_back(entry.index);
    list.placeNotes.push_back(QString::fromStdString(describeOffset(entry)));
    if (!entry.atPlace) ++nearby;
  }
  list.heading = QStringLiteral("%1 — chronology").arg(name);
  const HistorySummary& summary = report.history.summary;
  QString introduction = QStringLiteral("%1 at %2").arg(summary.incidents - nearby).arg(name);
  if (report.radiusMetres > 0)
    introduction += QStringLiteral(" and %1 within %2")
                        .arg(nearby)
                        .arg(QString::fromStdString(formatDistance(report.radiusMetres)));
  if (summary.firstStart && summary.lastEnd)
    introduction += QStringLiteral(", from %1 to %2")
                        .arg(QString::fromStdString(formatIsoDate(*summary.firstStart)),
                             QString::fromStdString(formatIsoDate(*summary.lastEnd)));
  introduction += QStringLiteral(". Fatalities: %1.").arg(QString::fromStdString(describeFatalities(summary)));
  list.introduction = introduction;
  return list;
}

bool writePlaceSheet(const QString& path, const PageFormat& format, const MapContext& context,
                     const HistoryReport& report, QString* error) {
  const BriefingList list = placeSheetList(report);
  return writeBriefing(path, format, placeSheetContent(context, report), &list, error);
}

} // namespace sv
