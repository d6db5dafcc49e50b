#pragma once

#include "domain/eventstore.h"

#include <QString>
#include <QTextStream>

#include <string>
#include <vector>

namespace sv {

// Incidents as plain text and CSV, shared by `events` and `history` so that
// both print an incident the same way.

// "Publisher, “Title” (date) <address>: “passage”".
std::string describeSource(const Source& source);
// "JNIM vs Military Forces of Mali (FAMa) (with …)".
std::string describeActors(const Actors& actors);
std::string joinedText(const std::vector<std::string>& items, const char* separator);

// One incident as an indented block: id, date, place, type; actors;
// fatalities; summary; each source with its passage. `note` (e.g. "12 km NE
// of Farabougou") follows the place when not empty.
void writeIncidentText(QTextStream& out, const Incident& incident, const std::string& note = {});

struct HistorySummary;
// A place history's summary: span, counts by type and actor, fatalities.
void writeHistorySummaryText(QTextStream& out, const HistorySummary& summary);

// The CSV columns of an incident, and their header.
std::vector<std::string> incidentCsvHeader();
std::vector<std::string> incidentCsvFields(const Incident& incident);

} // namespace sv
