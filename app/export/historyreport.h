#pragma once

#include "domain/placehistory.h"

#include <QString>
#include <QTextStream>

namespace sv {

// A place's history written out: as plain text (the `history` command and
// the dossier's Copy), CSV, or Markdown (the `history` command and the
// dossier's Export). Each is the place's header, every incident with its
// sources, then the summary.
struct HistoryReport {
  const EventStore& store;
  const HistoryPlace& place;
  const Place* gazetteerPlace = nullptr; // the gazetteer's record, when the place is in it
  const PlaceHistory& history;
  double radiusMetres = 0.0;
};

// "Farabougou, Niono cercle, Ségou region (geonames:123)".
QString describePlace(const Place& place);
// "14.0000° N, 6.0000° W".
QString describeCoordinates(double longitude, double latitude);

void writeHistoryText(QTextStream& out, const HistoryReport& report);
// One row per incident: the incident's CSV columns with at_place,
// distance_km and direction after the id. Cells are formula-safe.
void writeHistoryCsv(QTextStream& out, const HistoryReport& report);
void writeHistoryMarkdown(QTextStream& out, const HistoryReport& report);

} // namespace sv
