#include "widgets/incidenttext.h"
#include "render/qtext.h"

#include <QObject>

#include <algorithm>

namespace sv {

namespace {

QString shortened(const QString& text, int maxLength) {
  if (text.size() <= maxLength) return text;
  const int cut = text.lastIndexOf(QLatin1Char(' '), maxLength);
  return text.left(cut > maxLength / 2 ? cut : maxLength) + QStringLiteral("\u2026");
}

} // namespace

QString incidentDateText(const EventStore& store, EventStore::Index i) {
  return QString::fromStdString(formatDateSpan(store.start(i), store.end(i), store.datePrecision(i)));
}

QString incidentTypeText(const EventStore& store, EventStore::Index i) {
  QString text = q(eventTypeName(store.type(i)));
  if (store.subType(i) != SubEventType::Unspecified)
    text += QStringLiteral(" / ") + q(subEventTypeName(store.subType(i)));
  return text;
}

QString incidentPlaceText(const EventStore& store, EventStore::Index i) {
  QString text = store.place(i).empty() ? QObject::tr("no place given") : q(store.place(i));
  if (store.locationPrecision(i) != LocationPrecision::Exact)
    text += QStringLiteral(" (%1)").arg(q(locationPrecisionName(store.locationPrecision(i))));
  return text;
}

QString incidentTooltipHtml(const EventStore& store, const std::vector<EventStore::Index>& incidents,
                            std::size_t maxShown) {
  QString html;
  if (incidents.size() > 1) html += QObject::tr("<b>%1 incidents</b>").arg(incidents.size()) + QStringLiteral("<hr>");
  const std::size_t shown = std::min(maxShown, incidents.size());
  for (std::size_t k = 0; k < shown; ++k) {
    const EventStore::Index i = incidents[k];
    if (k > 0) html += QStringLiteral("<br>");
    html += QStringLiteral("<b>%1</b> \u00B7 %2<br>")
                .arg(incidentDateText(store, i).toHtmlEscaped(), incidentTypeText(store, i).toHtmlEscaped());
    html += QObject::tr("%1 \u00B7 fatalities: %2")
                .arg(incidentPlaceText(store, i).toHtmlEscaped(),
                     QString::fromStdString(formatFatalities(store.fatalities(i))).toHtmlEscaped());
    if (!store.summary(i).empty())
      html += QStringLiteral("<br><i>%1</i>").arg(shortened(q(store.summary(i)), 220).toHtmlEscaped());
  }
  if (incidents.size() > shown)
    html += QStringLiteral("<br>") + QObject::tr("\u2026 and %1 more").arg(incidents.size() - shown);
  return QStringLiteral("<qt>%1</qt>").arg(html);
}

} // namespace sv
