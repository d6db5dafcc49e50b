#pragma once

#include "session/mapcontext.h"

#include "render/composition.h"

#include <QString>

#include <vector>

namespace sv {

struct HistoryReport;

// The incidents a briefing lists after its map, when not the map's own.
struct BriefingList {
  std::vector<EventStore::Index> incidents;
  std::vector<QString> placeNotes; // empty, or one per incident: shown under its place ("12 km NE")
  QString heading;
  QString introduction; // a paragraph under the heading
};

// A briefing sheet: a multi-page PDF whose first page is the map
// composition and whose next pages list incidents with their dates, places,
// types, fatalities, summaries and sources (a table whose header repeats on
// every page, with page numbers). `list` null: the incidents the map shows
// (in the range, under the filter, inside the map's view).
bool writeBriefing(const QString& path, const PageFormat& format, const CompositionContent& content,
                   const BriefingList* list, QString* error, std::size_t* listed = nullptr);

// The HTML of a briefing's incident pages.
QString briefingTableHtml(const EventStore& store, const BriefingList& list);

// A town dossier as a one-place sheet: page one maps the place, its
// incidents and their surroundings over the history's whole span; then its
// chronology, every incident of the history with sources, and its summary.
CompositionContent placeSheetContent(const MapContext& context, const HistoryReport& report);
BriefingList placeSheetList(const HistoryReport& report);
bool writePlaceSheet(const QString& path, const PageFormat& format, const MapContext& context,
                     const HistoryReport& report, QString* error);

} // namespace sv
