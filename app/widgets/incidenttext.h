#pragma once

#include "domain/eventstore.h"

#include <QString>

#include <vector>

namespace sv {

// Incidents in words for the window: tooltips now, lists and dossiers later.

// "6–22 Oct 2020", "~19 Aug 2025", "Oct 2020" (see formatDateSpan).
QString incidentDateText(const EventStore& store, EventStore::Index i);
// "Battles / Armed clash"
QString incidentTypeText(const EventStore& store, EventStore::Index i);
// "Farabougou (near)" — the precision is named unless exact.
QString incidentPlaceText(const EventStore& store, EventStore::Index i);

// Rich text for the incidents under the pointer: date with its precision,
// type, place, fatalities and summary of each, at most `maxShown` of them,
// then how many more there are.
QString incidentTooltipHtml(const EventStore& store, const std::vector<EventStore::Index>& incidents,
                            std::size_t maxShown = 5);

} // namespace sv
