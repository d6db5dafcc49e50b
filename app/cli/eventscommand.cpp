#include "session/mapcontext.h"

#include "cli/commandline.h"
#include "cli/filteroptions.h"
#include "cli/timeoptions.h"
#include "export/incidentreport.h"
#include "session/geodatalocator.h"

#include "domain/gazetteer.h"
#include "domain/textfold.h"
#include "io/basemapreader.h"
#include "io/csv.h"
#include "io/incidentdataset.h"
#include "render/qtext.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace sv {
namespace {

QString eventsHelp() {
  return QStringLiteral(
             "Usage: %1 events [--from DATE] [--to DATE] [--place NAME] [--type TYPE]\n"
             "                 [--format text|csv|json] [--data FILE] [--geodata FILE]\n"
             "       %1 events --at DATE [--mode instant|window|cumulative] [--window 30d|4w|3m] ...\n"
             "\n"
             "Lists the incidents whose dates overlap the range, sorted by start, with\n"
             "their sources. An incident known only to the month (\"Oct 2020\") overlaps\n"
             "every day of that month.\n"
             "\n"
             "%2"
             "\n"
             "  --place NAME     incidents given at this place: a gazetteer name (accents and\n"
             "                   case ignored; homonyms go to the place the sources name, see\n"
             "                   'places NAME'), geonames:ID for one place, or a place name\n"
             "                   as the dataset writes it\n"
             "  --type TYPE      an ACLED event type (\"Battles\", \"Violence against civilians\",\n"
             "                   \"Explosions/Remote violence\", \"Riots\", \"Protests\",\n"
             "                   \"Strategic developments\") or sub-event type (\"Armed clash\");\n"
             "                   repeat it or separate names by commas to list several\n"
             "  --format FORMAT  text (default), csv, or json (a dataset in the format of\n"
             "                   docs/data-format.md, which --data can open again)\n"
             "  --data FILE      read this incident dataset instead of the bundled one\n"
             "\n"
             "Exit status: 0 when incidents were listed, 1 when none match or a file\n"
             "cannot be read, 2 for a wrong command line.\n")
      .arg(programName(), TimeOptions::helpText());
}

struct PlaceChoice {
  std::optional<std::int64_t> geonameId;
  std::string nameKey; // incidents whose own place name folds to this also match
  QString description;
};

void writeText(QTextStream& out, const EventStore& store, const std::vector<EventStore::Index>& rows) {
  for (EventStore::Index i : rows) writeIncidentText(out, store.incident(i));
  out << rows.size() << (rows.size() == 1 ? " incident" : " incidents") << "\n";
}

void writeCsv(QTextStream& out, const EventStore& store, const std::vector<EventStore::Index>& rows) {
  out << q(csvRow(incidentCsvHeader()));
  for (EventStore::Index i : rows) out << q(csvRow(incidentCsvFields(store.incident(i))));
}

} // namespace

int runEventsCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  const QString prefix = programName() + QStringLiteral(" events: ");
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption placeOption(QStringLiteral("place"), QString(), QStringLiteral("name"));
  const QCommandLineOption typeOption(QStringLiteral("type"), QString(), QStringLiteral("type"));
  const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("format"),
                                        QStringLiteral("text"));
  parser.addOptions({placeOption, typeOption, formatOption});
  TimeOptions time;
  time.addTo(parser);
  if (auto done = startCommand(QStringLiteral("events"), arguments, parser, eventsHelp(), false, common, out, err))
    return *done;
  QString error;
  const QString format = parser.value(formatOption);
  if (format != QLatin1String("text") && format != QLatin1String("csv") && format != QLatin1String("json")) {
    err << prefix << "unknown --format '" << format << "' (use text, csv or json)\n";
    return ExitUsage;
  }
  if (!time.parse(parser, &error)) {
    err << prefix << error << "\n";
    return ExitUsage;
  }
  IncidentFilter filter;
  // A listing shows every record, the aggregates too: their parts name them
  // (part_of), so a reader counts each incident once.
  filter.includeAggregates = true;
  TypeChoice typeChoice;
  if (!typeFilter(parser.values(typeOption), filter, typeChoice, &error)) {
    err << prefix << error << "\n";
    return ExitUsage;
  }

  QStringList problems;
  auto store = loadIncidentStore(incidentsPaths(common.dataPaths), &error, &problems, nullptr, time.databaseWindow());
  if (!store) {
    err << prefix << error << "\n";
    return ExitFailure;
  }
  for (const QString& problem : problems) err << problem << "\n";

  const DayRange range = time.range(store->firstDay(), store->lastDay());
  const DayNumber first = range.from;
  const DayNumber last = range.to;
  std::vector<EventStore::Index> rows = store->overlapping(first, last, filter);
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [&](EventStore::Index i) { return !typeChoice.keeps(store->type(i), store->subType(i)); }),
             rows.end());

  if (parser.isSet(placeOption)) {
    const QString name = parser.value(placeOption).trimmed();
    PlaceChoice choice;
    choice.nameKey = searchKey(name.toStdString());
    if (name.startsWith(QLatin1String("geonames:"))) {
      bool ok = false;
      choice.geonameId = name.mid(9).toLongLong(&ok);
      if (!ok) {
        err << prefix << "bad --place '" << name << "': expected geonames:ID with a numeric id\n";
        return ExitUsage;
      }
      choice.nameKey.clear();
    } else {
      std::string readError;
      auto data = readBaseMap(geodataPath(common.geodataPath).toStdString(), &readError);
      if (!data) {
        err << prefix << q(readError) << "\n";
        return ExitFailure;
      }
      const Gazetteer gazetteer(std::move(data->places));
      if (auto index = gazetteer.resolve(name.toStdString())) {
        const Place& place = gazetteer.place(*index);
        choice.geonameId = place.geonameId;
        std::size_t homonyms = 0;
        for (const PlaceMatch& match : gazetteer.search(place.name, 200))
          if (match.kind == MatchKind::ExactName && gazetteer.place(match.placeIndex).name == place.name) ++homonyms;
        err << "place: " << q(place.name) << ", " << q(place.cercle) << " cercle, " << q(place.region)
            << " region (geonames:" << place.geonameId << ")";
        if (homonyms > 1)
          err << "; " << homonyms << " places have this name, see '" << programName() << " places " << name << "'";
        err << "\n";
      }
    }
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](EventStore::Index i) {
                                if (choice.geonameId && store->geonameId(i) == choice.geonameId) return false;
                                // By name only where the dataset has no gazetteer place, so
                                // that homonyms elsewhere are not mixed in.
                                if (choice.nameKey.empty() || (choice.geonameId && store->geonameId(i))) return true;
                                return searchKey(store->place(i)) != choice.nameKey;
                              }),
               rows.end());
    if (rows.empty()) {
      bool placeKnown = false;
      for (EventStore::Index i = 0; i < store->size() && !placeKnown; ++i)
        placeKnown = (choice.geonameId && store->geonameId(i) == choice.geonameId) ||
                     (!choice.nameKey.empty() && searchKey(store->place(i)) == choice.nameKey);
      if (!placeKnown && !choice.geonameId) {
        err << prefix << "no place named '" << name << "' in the gazetteer or the dataset (try '" << programName()
            << " places " << name << "')\n";
        return ExitFailure;
      }
    }
  }

  if (format == QLatin1String("json")) {
    DatasetInfo info = store->info();
    std::vector<Incident> incidents;
    incidents.reserve(rows.size());
    for (EventStore::Index i : rows) incidents.push_back(store->incident(i));
    info.description = "Incidents of '" + (info.title.empty() ? info.name : info.title) + "' overlapping " +
                       formatIsoDate(first) + " to " + formatIsoDate(last) +
                       (parser.isSet(placeOption) ? " at " + parser.value(placeOption).toStdString() : std::string()) +
                       ".";
    out << q(serializeIncidentDataset(info, incidents));
  } else if (format == QLatin1String("csv")) {
    writeCsv(out, *store, rows);
  } else {
    writeText(out, *store, rows);
  }
  if (rows.empty()) {
    err << prefix << "no incidents match\n";
    return ExitFailure;
  }
  return ExitSuccess;
}

} // namespace sv
