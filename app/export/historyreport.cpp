#include "export/historyreport.h"

#include "export/incidentreport.h"

#include "io/csv.h"
#include "render/qtext.h"

#include <QRegularExpression>

#include <cmath>
#include <cstdio>

namespace sv {
namespace {

// The alternate names other than the name itself.
std::vector<std::string> otherNames(const Place& place) {
  std::vector<std::string> names;
  for (const auto& name : place.alternateNames)
    if (name != place.name) names.push_back(name);
  return names;
}

std::string offsetNote(const HistoryEntry& entry, const HistoryPlace& place) {
  if (entry.atPlace) return {};
  std::string note = describeOffset(entry);
  note += " of ";
  note += place.name;
  return note;
}

// Text that Markdown would read as markup is escaped with backslashes:
// emphasis, code, links, HTML and table pipes anywhere, and a heading, list
// or quote marker at the start (each piece may begin a line).
QString md(const QString& text) {
  static const QString special = QStringLiteral("\\`*_[]<>|");
  QString escaped;
  escaped.reserve(text.size() + 8);
  for (const QChar c : text) {
    if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
      escaped += QLatin1Char(' ');
      continue;
    }
    if (special.contains(c)) escaped += QLatin1Char('\\');
    escaped += c;
  }
  if (!escaped.isEmpty() && QStringLiteral("#+-=>").contains(escaped.front())) escaped.prepend(QLatin1Char('\\'));
  static const QRegularExpression orderedItem(QStringLiteral("^(\\d+)([.)])"));
  escaped.replace(orderedItem, QStringLiteral("\\1\\\\\\2"));
  return escaped;
}
QString md(const std::string& text) { return md(q(text)); }

} // namespace

QString describePlace(const Place& place) {
  QString text = q(place.name);
  if (!place.cercle.empty()) text += QStringLiteral(", %1 cercle").arg(q(place.cercle));
  if (!place.region.empty()) text += QStringLiteral(", %1 region").arg(q(place.region));
  return text + QStringLiteral(" (geonames:%1)").arg(place.geonameId);
}

QString describeCoordinates(double longitude, double latitude) {
  return QStringLiteral("%1° %2, %3° %4")
      .arg(std::abs(latitude), 0, 'f', 4)
      .arg(latitude >= 0 ? QLatin1Char('N') : QLatin1Char('S'))
      .arg(std::abs(longitude), 0, 'f', 4)
      .arg(longitude >= 0 ? QLatin1Char('E') : QLatin1Char('W'));
}

void writeHistoryText(QTextStream& out, const HistoryReport& r) {
  if (r.gazetteerPlace) {
    out << describePlace(*r.gazetteerPlace) << "\n";
    if (const auto names = otherNames(*r.gazetteerPlace); !names.empty())
      out << "Also written: " << q(joinedText(names, ", ")) << "\n";
  } else {
    out << q(r.place.name) << " (a place named by the dataset, not in the gazetteer)\n";
  }
  out << describeCoordinates(r.place.longitude, r.place.latitude);
  if (r.radiusMetres > 0) out << "; with incidents within " << q(formatDistance(r.radiusMetres));
  out << "\n\n";
  for (const HistoryEntry& entry : r.history.entries) {
    std::string note = offsetNote(entry, r.place);
    if (r.store.isAggregate(entry.index)) {
      const std::size_t parts = r.store.partsOf(entry.index).size();
      if (!note.empty()) note += ", ";
      note +=
          "the whole of " + std::to_string(parts) + (parts == 1 ? " record" : " records") + ", counted through them";
    }
    writeIncidentText(out, r.store.incident(entry.index), note);
  }
  writeHistorySummaryText(out, r.history.summary);
}

void writeHistoryCsv(QTextStream& out, const HistoryReport& r) {
  std::vector<std::string> header = incidentCsvHeader();
  header.insert(header.begin() + 1, {"at_place", "distance_km", "direction"});
  out << q(csvRow(header));
  for (const HistoryEntry& entry : r.history.entries) {
    std::vector<std::string> fields = incidentCsvFields(r.store.incident(entry.index));
    char distance[32] = "";
    if (!entry.atPlace) std::snprintf(distance, sizeof distance, "%.1f", entry.distanceMetres / 1000.0);
    fields.insert(fields.begin() + 1,
                  {entry.atPlace ? "true" : "false", distance,
                   entry.atPlace ? std::string() : std::string(compassPoint(entry.azimuthDegrees))});
    out << q(csvRow(fields));
  }
}

void writeHistoryMarkdown(QTextStream& out, const HistoryReport& r) {
  out << "# " << md(r.place.name) << "\n\n";
  if (r.gazetteerPlace) {
    const Place& p = *r.gazetteerPlace;
    QStringList where;
    if (!p.cercle.empty()) where << QStringLiteral("%1 cercle").arg(md(p.cercle));
    if (!p.region.empty()) where << QStringLiteral("%1 region").arg(md(p.region));
    if (!where.isEmpty()) out << where.join(QStringLiteral(", ")) << "  \n";
    if (const auto names = otherNames(p); !names.empty())
      out << "Also written: " << md(joinedText(names, ", ")) << "  \n";
  } else {
    out << "A place named by the dataset, not in the gazetteer  \n";
  }
  out << describeCoordinates(r.place.longitude, r.place.latitude);
  if (r.place.geonameId) out << " · geonames:" << *r.place.geonameId;
  out << "\n";
  if (r.radiusMetres > 0) out << "\nWith the incidents within " << md(formatDistance(r.radiusMetres)) << ".\n";

  const HistorySummary& s = r.history.summary;
  out << "\n## Summary\n\n";
  if (s.incidents == 0) {
    out << "No incidents.\n";
  } else {
    out << "- " << s.incidents << (s.incidents == 1 ? " incident" : " incidents") << ", from "
        << q(formatDateSpan(*s.firstStart, *s.firstStart, DatePrecision::Day)) << " to "
        << q(formatDateSpan(*s.lastEnd, *s.lastEnd, DatePrecision::Day)) << "\n";
    QStringList types;
    for (int t = 0; t < kEventTypeCount; ++t)
      if (s.byType[static_cast<std::size_t>(t)] > 0)
        types << QStringLiteral("%1 %2")
                     .arg(md(std::string(eventTypeName(static_cast<EventType>(t)))))
                     .arg(s.byType[static_cast<std::size_t>(t)]);
    out << "- By type: " << types.join(QStringLiteral("; ")) << "\n";
    QStringList actors;
    for (const auto& [actor, count] : s.byActor) actors << QStringLiteral("%1 %2").arg(md(actor)).arg(count);
    out << "- By actor: " << (actors.isEmpty() ? QStringLiteral("none named") : actors.join(QStringLiteral("; ")))
        << "\n";
    out << "- Fatalities: " << md(describeFatalities(s)) << "\n";
  }

  out << "\n## History\n";
  for (const HistoryEntry& entry : r.history.entries) {
    const Incident incident = r.store.incident(entry.index);
    out << "\n### " << md(formatDateSpan(incident.start, incident.end, incident.datePrecision)) << " — "
        << md(std::string(eventTypeName(incident.type)));
    if (incident.subType != SubEventType::Unspecified)
      out << " / " << md(std::string(subEventTypeName(incident.subType)));
    out << "\n\n";
    out << md(incident.place.empty() ? std::string("(no place)") : incident.place) << " ("
        << md(std::string(locationPrecisionName(incident.locationPrecision))) << ")";
    if (!entry.atPlace) out << ", " << md(offsetNote(entry, r.place));
    out << " · `" << q(incident.id) << "`  \n";
    const std::string actors = describeActors(incident.actors);
    if (!actors.empty()) out << "**Actors:** " << md(actors) << "  \n";
    out << "**Fatalities:** " << md(formatFatalities(incident.fatalities));
    if (incident.civilianTargeting) out << "; civilians targeted";
    out << "\n\n";
    if (!incident.summary.empty()) out << md(incident.summary) << "\n\n";
    if (!incident.sources.empty()) out << "Sources:\n\n";
    for (const Source& source : incident.sources) {
      out << "- " << md(source.publisher.empty() ? std::string("Publisher not stated") : source.publisher) << ", ";
      if (source.title.empty())
        out << "document " << md(source.document);
      else
        out << "*" << md(source.title) << "*";
      if (!source.date.empty()) out << " (" << md(source.date) << ")";
      if (!source.url.empty()) out << " <" << q(source.url) << ">";
      out << "\n";
      if (!source.passage.empty()) out << "  > " << md(source.passage) << "\n";
    }
  }
}

} // namespace sv
