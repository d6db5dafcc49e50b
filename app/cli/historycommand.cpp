#include "session/mapcontext.h"

#include "cli/commandline.h"
#include "export/briefing.h"
#include "export/historyreport.h"
#include "export/incidentreport.h"
#include "session/geodatalocator.h"

#include "domain/placehistory.h"
#include "domain/textfold.h"
#include "io/basemapreader.h"
#include "io/csv.h"
#include "render/qtext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cmath>

namespace sv {
namespace {

QString historyHelp() {
  return QStringLiteral(
             "Usage: %1 history PLACE [--radius KM] [--from DATE] [--to DATE]\n"
             "                    [--format text|csv|json|markdown|pdf] [-o FILE] [--data FILE]\n"
             "\n"
             "Prints a place's incident history, oldest first, with each incident's dates\n"
             "(with their precision), type, actors, fatalities, summary and sources, then\n"
             "a summary: first and last incident, counts by type and actor, fatalities.\n"
             "\n"
             "  PLACE            a gazetteer name or alternate name (accents and case\n"
             "                   ignored), geonames:ID, or a place name the dataset uses.\n"
             "                   Among homonyms the place with incidents is taken; see\n"
             "                   '%1 places NAME' to tell homonyms apart\n"
             "  --radius KM      also incidents within KM kilometres, each marked with its\n"
             "                   distance and direction from the place (0 to 500)\n"
             "  --from DATE      only incidents still going on at DATE (YYYY-MM-DD)\n"
             "  --to DATE        only incidents begun by DATE\n"
             "  --format FORMAT  text (default), csv, json, markdown, or pdf: a sheet whose\n"
             "                   first page maps the place and its incidents, followed by\n"
             "                   the chronology with sources (A4, needs -o)\n"
             "  -o, --output FILE  write to FILE instead of standard output; without\n"
             "                   --format, its suffix (.pdf, .csv, .json, .md) sets the format\n"
             "  --data FILE      read this incident dataset instead of the bundled one\n"
             "\n"
             "Exit status: 0 when incidents were listed, 1 when the place is unknown or\n"
             "ambiguous, has no incidents, or a file cannot be read, 2 for a wrong\n"
             "command line.\n")
      .arg(programName());
}

QJsonObject summaryJson(const HistorySummary& s) {
  QJsonObject summary;
  summary[QStringLiteral("incidents")] = static_cast<qint64>(s.incidents);
  if (s.firstStart) summary[QStringLiteral("first")] = q(formatIsoDate(*s.firstStart));
  if (s.lastEnd) summary[QStringLiteral("last")] = q(formatIsoDate(*s.lastEnd));
  QJsonObject types;
  for (int t = 0; t < kEventTypeCount; ++t)
    if (s.byType[static_cast<std::size_t>(t)] > 0)
      types[q(eventTypeName(static_cast<EventType>(t)))] = static_cast<qint64>(s.byType[static_cast<std::size_t>(t)]);
  summary[QStringLiteral("by_type")] = types;
  QJsonArray actors;
  for (const auto& [actor, count] : s.byActor)
    actors.append(
        QJsonObject{{QStringLiteral("actor"), q(actor)}, {QStringLiteral("incidents"), static_cast<qint64>(count)}});
  summary[QStringLiteral("by_actor")] = actors;
  QJsonObject fatalities;
  fatalities[QStringLiteral("sum_of_figures")] = static_cast<qint64>(s.fatalities);
  fatalities[QStringLiteral("incidents_with_figure")] = static_cast<qint64>(s.withFigure);
  fatalities[QStringLiteral("figures_as_lower_bound_or_range")] = static_cast<qint64>(s.lowerBounds);
  fatalities[QStringLiteral("reported_without_figure")] = static_cast<qint64>(s.noFigure);
  fatalities[QStringLiteral("not_reported")] = static_cast<qint64>(s.notReported);
  fatalities[QStringLiteral("text")] = q(describeFatalities(s));
  summary[QStringLiteral("fatalities")] = fatalities;
  return summary;
}

QJsonObject incidentJson(const Incident& incident, const HistoryEntry& entry) {
  QJsonObject o;
  o[QStringLiteral("id")] = q(incident.id);
  o[QStringLiteral("start")] = q(formatIsoDate(incident.start));
  o[QStringLiteral("end")] = q(formatIsoDate(incident.end));
  o[QStringLiteral("date_precision")] = q(datePrecisionName(incident.datePrecision));
  o[QStringLiteral("date")] = q(formatDateSpan(incident.start, incident.end, incident.datePrecision));
  o[QStringLiteral("place")] = q(incident.place);
  if (incident.geonameId) o[QStringLiteral("place_geonameid")] = static_cast<qint64>(*incident.geonameId);
  o[QStringLiteral("longitude")] = incident.longitude;
  o[QStringLiteral("latitude")] = incident.latitude;
  o[QStringLiteral("location_precision")] = q(locationPrecisionName(incident.locationPrecision));
  o[QStringLiteral("at_place")] = entry.atPlace;
  if (!entry.atPlace) {
    o[QStringLiteral("distance_km")] = std::round(entry.distanceMetres / 100.0) / 10.0;
    o[QStringLiteral("direction")] = QString::fromLatin1(compassPoint(entry.azimuthDegrees));
  }
  o[QStringLiteral("event_type")] = q(eventTypeName(incident.type));
  o[QStringLiteral("sub_event_type")] = q(subEventTypeName(incident.subType));
  const auto list = [](const std::vector<std::string>& items) {
    QJsonArray array;
    for (const auto& item : items) array.append(q(item));
    return array;
  };
  o[QStringLiteral("actors")] = QJsonObject{{QStringLiteral("primary"), list(incident.actors.primary)},
                                            {QStringLiteral("secondary"), list(incident.actors.secondary)},
                                            {QStringLiteral("associated"), list(incident.actors.associated)}};
  o[QStringLiteral("fatalities")] = q(formatFatalities(incident.fatalities));
  if (incident.fatalities.low) o[QStringLiteral("fatalities_low")] = *incident.fatalities.low;
  if (incident.fatalities.high) o[QStringLiteral("fatalities_high")] = *incident.fatalities.high;
  o[QStringLiteral("civilian_targeting")] = incident.civilianTargeting;
  o[QStringLiteral("summary")] = q(incident.summary);
  QJsonArray sources;
  for (const Source& source : incident.sources) {
    sources.append(QJsonObject{{QStringLiteral("document"), q(source.document)},
                               {QStringLiteral("title"), q(source.title)},
                               {QStringLiteral("publisher"), q(source.publisher)},
                               {QStringLiteral("date"), q(source.date)},
                               {QStringLiteral("url"), q(source.url)},
                               {QStringLiteral("passage"), q(source.passage)}});
  }
  o[QStringLiteral("sources")] = sources;
  return o;
}

} // namespace

int runHistoryCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  const QString prefix = programName() + QStringLiteral(" history: ");
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption radiusOption(QStringLiteral("radius"), QString(), QStringLiteral("km"));
  const QCommandLineOption fromOption(QStringLiteral("from"), QString(), QStringLiteral("date"));
  const QCommandLineOption toOption(QStringLiteral("to"), QString(), QStringLiteral("date"));
  const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("format"),
                                        QStringLiteral("text"));
  const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                        QStringLiteral("file"));
  parser.addOptions({radiusOption, fromOption, toOption, formatOption, outputOption});
  parser.addPositionalArgument(QStringLiteral("place"), QString());
  if (auto done = startCommand(QStringLiteral("history"), arguments, parser, historyHelp(), true, common, out, err))
    return *done;

  const QString outputPath = parser.value(outputOption);
  QString format = parser.value(formatOption);
  if (!parser.isSet(formatOption) && !outputPath.isEmpty()) {
    const QString suffix = QFileInfo(outputPath).suffix().toLower();
    if (suffix == QLatin1String("pdf") || suffix == QLatin1String("csv") || suffix == QLatin1String("json"))
      format = suffix;
    else if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
      format = QStringLiteral("markdown");
  }
  if (format != QLatin1String("text") && format != QLatin1String("csv") && format != QLatin1String("json") &&
      format != QLatin1String("markdown") && format != QLatin1String("pdf")) {
    err << prefix << "unknown --format '" << format << "' (use text, csv, json, markdown or pdf)\n";
    return ExitUsage;
  }
  const bool pdf = format == QLatin1String("pdf");
  if (pdf && outputPath.isEmpty()) {
    err << prefix << "--format pdf needs -o FILE.pdf\n";
    return ExitUsage;
  }
  if (!outputPath.isEmpty()) {
    const QFileInfo target(outputPath);
    if (target.isDir() || !target.absoluteDir().exists()) {
      err << prefix << "cannot write '" << outputPath
          << "': " << (target.isDir() ? "it is a folder" : "its folder does not exist") << "\n";
      return ExitFailure;
    }
  }
  const QString name = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
  if (name.isEmpty()) {
    err << prefix << "a PLACE is needed\n" << historyHelp();
    return ExitUsage;
  }
  HistoryOptions options;
  if (parser.isSet(radiusOption)) {
    bool ok = false;
    const double km = parser.value(radiusOption).toDouble(&ok);
    if (!ok || !(km >= 0.0 && km <= 500.0)) {
      err << prefix << "bad --radius '" << parser.value(radiusOption) << "': expected kilometres from 0 to 500\n";
      return ExitUsage;
    }
    options.radiusMetres = km * 1000.0;
  }
  for (const auto& [option, target] : {std::pair{&fromOption, &options.from}, std::pair{&toOption, &options.to}}) {
    if (!parser.isSet(*option)) continue;
    const auto day = parseIsoDate(parser.value(*option).toStdString());
    if (!day) {
      err << prefix << "bad --" << option->names().front() << " '" << parser.value(*option)
          << "': expected a date as YYYY-MM-DD\n";
      return ExitUsage;
    }
    *target = *day;
  }
  if (options.to < options.from) {
    err << prefix << "--to is before --from\n";
    return ExitUsage;
  }

  // The sheet draws a map: it needs the projected base map and incidents;
  // the text formats only the gazetteer and the store.
  QString error;
  std::optional<MapContext> context;
  std::shared_ptr<const EventStore> store;
  std::optional<Gazetteer> ownGazetteer;
  const Gazetteer* gazetteerPointer = nullptr;
  if (pdf) {
    context = loadMapContext(geodataPath(common.geodataPath), &error);
    if (!context || !loadIncidents(*context, incidentsPaths(common.dataPaths), &error)) {
      err << prefix << error << "\n";
      return ExitFailure;
    }
    for (const QString& problem : context->incidentProblems) err << problem << "\n";
    store = context->incidents->storePointer();
    gazetteerPointer = &context->baseMap->gazetteer();
  } else {
    std::string readError;
    auto data = readBaseMap(geodataPath(common.geodataPath).toStdString(), &readError);
    if (!data) {
      err << prefix << q(readError) << "\n";
      return ExitFailure;
    }
    ownGazetteer.emplace(std::move(data->places));
    gazetteerPointer = &*ownGazetteer;
    QStringList problems;
    store = loadIncidentStore(incidentsPaths(common.dataPaths), &error, &problems, gazetteerPointer);
    if (!store) {
      err << prefix << error << "\n";
      return ExitFailure;
    }
    for (const QString& problem : problems) err << problem << "\n";
  }
  const Gazetteer& gazetteer = *gazetteerPointer;

  const PlaceResolution resolution = resolveHistoryPlace(gazetteer, *store, name.toStdString());
  if (resolution.status != PlaceResolution::Status::Found) {
    if (resolution.status == PlaceResolution::Status::Ambiguous) {
      err << prefix << "'" << name << "' names " << resolution.candidates.size()
          << " places; give one of them as geonames:ID:\n";
    } else if (resolution.candidates.empty()) {
      err << prefix << "no place named '" << name << "' in the gazetteer or the dataset\n";
    } else {
      err << prefix << "no place named '" << name << "'; places whose names come close:\n";
    }
    for (std::size_t index : resolution.candidates) {
      const Place& place = gazetteer.place(index);
      const std::size_t count = store->atPlace(place.geonameId).size();
      err << "  " << describePlace(place);
      if (count > 0) err << ", " << count << (count == 1 ? " incident" : " incidents");
      err << "\n";
    }
    return ExitFailure;
  }

  const HistoryPlace& place = resolution.place;
  const PlaceHistory history = placeHistory(*store, place, options);

  const Place* gazetteerPlace = resolution.gazetteerIndex ? &gazetteer.place(*resolution.gazetteerIndex) : nullptr;
  const HistoryReport report{*store, place, gazetteerPlace, history, options.radiusMetres};
  const auto noIncidents = [&] {
    err << prefix << "no incidents at " << q(place.name) << (options.radiusMetres > 0 ? " or around it" : "")
        << " in the dataset" << (parser.isSet(fromOption) || parser.isSet(toOption) ? " for these dates" : "") << "\n";
    return static_cast<int>(ExitFailure);
  };
  if (pdf) {
    if (history.entries.empty()) return noIncidents();
    if (!writePlaceSheet(outputPath, findPagePreset(QStringLiteral("a4-portrait"))->format, *context, report, &error)) {
      err << prefix << error << "\n";
      return ExitFailure;
    }
    // Counted as the summary counts: an aggregate is listed, its parts are counted.
    const std::size_t counted = history.summary.incidents;
    out << "wrote " << QDir::toNativeSeparators(outputPath) << " (map and " << counted
        << (counted == 1 ? " incident" : " incidents") << " of " << q(place.name) << ")\n";
    return ExitSuccess;
  }

  QSaveFile file(outputPath); // the old file stays whole until the new one is complete
  QTextStream fileStream;
  if (!outputPath.isEmpty()) {
    if (!file.open(QIODevice::WriteOnly)) {
      err << prefix << "cannot write '" << outputPath << "': " << file.errorString() << "\n";
      return ExitFailure;
    }
    fileStream.setDevice(&file);
  }
  QTextStream& sink = outputPath.isEmpty() ? out : fileStream;
  if (format == QLatin1String("json")) {
    QJsonObject header;
    header[QStringLiteral("name")] = q(place.name);
    if (place.geonameId) header[QStringLiteral("geonameid")] = static_cast<qint64>(*place.geonameId);
    header[QStringLiteral("longitude")] = place.longitude;
    header[QStringLiteral("latitude")] = place.latitude;
    if (resolution.gazetteerIndex) {
      const Place& p = gazetteer.place(*resolution.gazetteerIndex);
      header[QStringLiteral("region")] = q(p.region);
      header[QStringLiteral("cercle")] = q(p.cercle);
      QJsonArray alternates;
      for (const auto& alternate : p.alternateNames) alternates.append(q(alternate));
      header[QStringLiteral("alternate_names")] = alternates;
    }
    QJsonArray incidents;
    for (const HistoryEntry& entry : history.entries)
      incidents.append(incidentJson(store->incident(entry.index), entry));
    QJsonObject document{{QStringLiteral("place"), header},
                         {QStringLiteral("radius_km"), options.radiusMetres / 1000.0},
                         {QStringLiteral("incidents"), incidents},
                         {QStringLiteral("summary"), summaryJson(history.summary)}};
    sink << QJsonDocument(document).toJson(QJsonDocument::Indented);
  } else {
    if (format == QLatin1String("csv"))
      writeHistoryCsv(sink, report);
    else if (format == QLatin1String("markdown"))
      writeHistoryMarkdown(sink, report);
    else
      writeHistoryText(sink, report);
  }
  if (!outputPath.isEmpty()) {
    fileStream.flush();
    if (fileStream.status() != QTextStream::Ok || !file.commit()) {
      err << prefix << "cannot write '" << outputPath << "': " << file.errorString() << "\n";
      return ExitFailure;
    }
  }
  return history.entries.empty() ? noIncidents() : static_cast<int>(ExitSuccess);
}

} // namespace sv
