#pragma once

#include "render/composition.h"

#include <QString>

#include <vector>

namespace sv {

// A briefing sheet: a multi-page PDF whose first page is the map
// composition and whose next pages list incidents with their dates, places,
// types, fatalities, summaries and sources (a table whose header repeats on
// every page, with page numbers). `incidents` null: the incidents the map
// shows (in the range, under the filter, inside the map's view).
bool writeBriefing(const QString& path, const PageFormat& format, const CompositionContent& content,
                   const std::vector<EventStore::Index>* incidents, QString* error, std::size_t* listed = nullptr);

// The HTML table of a briefing's incident pages.
QString briefingTableHtml(const EventStore& store, const std::vector<EventStore::Index>& incidents, const QString& heading);

} // namespace sv
