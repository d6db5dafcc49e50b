#include "export/incidentreport.h"

#include "domain/placehistory.h"
#include "render/qtext.h"

#include <cstdio>

namespace sv {
std::string joinedText(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += separator;
    text += item;
  }
  return text;
}

std::string describeSource(const Source& source) {
  std::string text = source.publisher.empty() ? std::string("publisher not stated") : source.publisher;
  text += ", ";
  text += source.title.empty() ? "untitled document " + source.document : "\u201C" + source.title + "\u201D";
  if (!source.date.empty()) text += " (" + source.date + ")";
  if (!source.url.empty()) text += " <" + source.url + ">";
  if (!source.passage.empty()) text += ": \u201C" + source.passage + "\u201D";
  return text;
}

std::string describeActors(const Actors& actors) {
  std::string text = joinedText(actors.primary, "; ");
  if (!actors.secondary.empty()) text += " vs " + joinedText(actors.secondary, "; ");
  if (!actors.associated.empty()) text += " (with " + joinedText(actors.associated, "; ") + ")";
  return text;
}

void writeIncidentText(QTextStream& out, const Incident& incident, const std::string& note) {
  out << q(incident.id) << "  " << q(formatDateSpan(incident.start, incident.end, incident.datePrecision)) << "  "
      << q(incident.place.empty() ? std::string("(no place)") : incident.place) << " ("
      << q(std::string(locationPrecisionName(incident.locationPrecision)));
  if (incident.shape != PlaceShape::Point) out << ", " << q(std::string(placeShapeName(incident.shape)));
  out << ")";
  if (!note.empty()) out << ", " << q(note);
  out << "  " << q(std::string(eventTypeName(incident.type)));
  if (incident.subType != SubEventType::Unspecified) out << " / " << q(std::string(subEventTypeName(incident.subType)));
  out << "\n";
  const std::string actors = describeActors(incident.actors);
  if (!actors.empty()) out << "    Actors: " << q(actors) << "\n";
  out << "    Fatalities: " << q(formatFatalities(incident.fatalities));
  if (incident.civilianTargeting) out << "; civilians targeted";
  out << "\n";
  if (!incident.summary.empty()) out << "    " << q(incident.summary) << "\n";
  for (const Source& source : incident.sources) out << "    Source: " << q(describeSource(source)) << "\n";
  if (!incident.partOf.empty()) out << "    Part of: " << q(incident.partOf) << "\n";
  out << "\n";
}

std::vector<std::string> incidentCsvHeader() {
  return {"id",
          "start",
          "end",
          "date_precision",
          "date",
          "place",
          "place_geonameid",
          "longitude",
          "latitude",
          "shape",
          "location_precision",
          "region",
          "cercle",
          "event_type",
          "sub_event_type",
          "primary_actors",
          "secondary_actors",
          "associated_actors",
          "fatalities",
          "fatalities_low",
          "fatalities_high",
          "civilian_targeting",
          "summary",
          "sources",
          "part_of"};
}

std::vector<std::string> incidentCsvFields(const Incident& incident) {
  std::vector<std::string> sources;
  for (const Source& source : incident.sources) sources.push_back(describeSource(source));
  char lon[32], lat[32];
  std::snprintf(lon, sizeof lon, "%.5f", incident.longitude);
  std::snprintf(lat, sizeof lat, "%.5f", incident.latitude);
  if (incident.shape == PlaceShape::Unplaced) lon[0] = lat[0] = '\0';
  return {incident.id,
          formatIsoDate(incident.start),
          formatIsoDate(incident.end),
          std::string(datePrecisionName(incident.datePrecision)),
          formatDateSpan(incident.start, incident.end, incident.datePrecision),
          incident.place,
          incident.geonameId ? std::to_string(*incident.geonameId) : std::string(),
          lon,
          lat,
          std::string(placeShapeName(incident.shape)),
          std::string(locationPrecisionName(incident.locationPrecision)),
          incident.region,
          incident.cercle,
          std::string(eventTypeName(incident.type)),
          std::string(subEventTypeName(incident.subType)),
          joinedText(incident.actors.primary, "; "),
          joinedText(incident.actors.secondary, "; "),
          joinedText(incident.actors.associated, "; "),
          formatFatalities(incident.fatalities),
          incident.fatalities.low ? std::to_string(*incident.fatalities.low) : std::string(),
          incident.fatalities.high ? std::to_string(*incident.fatalities.high) : std::string(),
          incident.civilianTargeting ? "true" : "false",
          incident.summary,
          joinedText(sources, " | "),
          incident.partOf};
}

void writeHistorySummaryText(QTextStream& out, const HistorySummary& s) {
  out << "Summary\n";
  if (s.incidents == 0) {
    out << "    No incidents.\n";
    return;
  }
  out << "    " << s.incidents << (s.incidents == 1 ? " incident" : " incidents") << ", from "
      << q(formatDateSpan(*s.firstStart, *s.firstStart, DatePrecision::Day)) << " to "
      << q(formatDateSpan(*s.lastEnd, *s.lastEnd, DatePrecision::Day)) << "\n";
  out << "    By type:";
  bool first = true;
  for (int t = 0; t < kEventTypeCount; ++t) {
    if (s.byType[static_cast<std::size_t>(t)] == 0) continue;
    out << (first ? " " : "; ") << q(std::string(eventTypeName(static_cast<EventType>(t)))) << " "
        << s.byType[static_cast<std::size_t>(t)];
    first = false;
  }
  out << "\n    By actor:";
  first = true;
  for (const auto& [actor, count] : s.byActor) {
    out << (first ? " " : "; ") << q(actor) << " " << count;
    first = false;
  }
  if (first) out << " none named";
  out << "\n    Fatalities: " << q(describeFatalities(s)) << "\n";
}

} // namespace sv
