#include "session/mapcontext.h"

#include "cli/commandline.h"

#include "domain/placematching.h"
#include "io/importer.h"
#include "io/incidentdataset.h"
#include "io/incidentgpkg.h"
#include "io/storefile.h"
#include "render/qtext.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace sv {
namespace {

QString importHelp() {
  QString roles;
  for (const auto& [role, meaning] : columnMappingRoles())
    roles += QStringLiteral("    %1 %2\n")
                 .arg(QString::fromUtf8(role.data(), static_cast<qsizetype>(role.size())), -19)
                 .arg(QString::fromUtf8(meaning.data(), static_cast<qsizetype>(meaning.size())));
  return QStringLiteral(
             "Usage: %1 import FILE… [--format auto|acled|ucdp|ogr|csv]\n"
             "                          [--map ROLE=COLUMN,…] -o OUT [--report REPORT.json]\n"
             "                          [--geodata FILE]\n"
             "\n"
             "Reads incident data as it comes from its source and writes it as one\n"
             "Situation Viewer dataset (docs/data-format.md), which --data and the window\n"
             "open again. Every file gets a report: rows read, incidents accepted,\n"
             "duplicates merged and rows rejected, each rejected row with its line, column\n"
             "and reason. Incidents are matched to the gazetteer's places by name near\n"
             "their point. A file that cannot be read at all stops the import and nothing\n"
             "is written.\n"
             "\n"
             "  --format FORMAT  auto (default): by the file's name and columns;\n"
             "                   acled: an ACLED export (any of its layouts, with or\n"
             "                   without the HXL row, monadic files merged by event id);\n"
             "                   ucdp: UCDP's Georeferenced Event Dataset (CSV);\n"
             "                   ogr: any vector format GDAL reads (GeoJSON, GeoPackage,\n"
             "                   KML, FlatGeobuf, Shapefile…);\n"
             "                   csv: delimited text with your own columns (see --map)\n"
             "  --map MAPPING    which column holds which field, for csv and for OGR layers\n"
             "                   that are neither ACLED nor UCDP, as ROLE=COLUMN pairs\n"
             "                   separated by commas; unnamed roles are guessed from the\n"
             "                   usual column names. Roles:\n"
             "%2"
             "  -o, --output OUT the dataset to write, by its extension: .geojson, our\n"
             "                   exchange format (docs/data-format.md), .gpkg, the same as a\n"
             "                   GeoPackage for QGIS and GDAL, or .svstore, our\n"
             "                   large-data format, which every command and the window open\n"
             "                   in well under a second at millions of incidents\n"
             "  --report FILE    also write the full report as JSON\n"
             "\n"
             "Exit status: 0 when every file was read (rejected rows are reported, not\n"
             "fatal), 1 when a file could not be read or OUT not written, 2 for a wrong\n"
             "command line.\n")
      .arg(programName(), roles);
}

bool writeText(const QString& path, const std::string& text, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) < 0 ||
      !file.commit()) {
    if (error) *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
    return false;
  }
  return true;
}

} // namespace

int runImportCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("format"),
                                        QStringLiteral("auto"));
  const QCommandLineOption mapOption(QStringLiteral("map"), QString(), QStringLiteral("mapping"));
  const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                        QStringLiteral("file"));
  const QCommandLineOption reportOption(QStringLiteral("report"), QString(), QStringLiteral("file"));
  parser.addOptions({formatOption, mapOption, outputOption, reportOption});
  parser.addPositionalArgument(QStringLiteral("files"), QString());
  if (auto done = startCommand(QStringLiteral("import"), arguments, parser, importHelp(), true, common, out, err))
    return *done;
  const QString prefix = programName() + QStringLiteral(" import: ");

  ImportOptions options;
  const auto format = importFormatFromName(parser.value(formatOption).toStdString());
  if (!format || *format == ImportFormat::Native) {
    err << prefix << "unknown --format '" << parser.value(formatOption) << "' (use auto, acled, ucdp, ogr or csv)\n";
    return ExitUsage;
  }
  options.format = *format;
  if (parser.isSet(mapOption)) {
    std::string error;
    auto mapping = parseColumnMapping(parser.value(mapOption).toStdString(), &error);
    if (!mapping) {
      err << prefix << "bad --map: " << q(error) << "\n";
      return ExitUsage;
    }
    options.mapping = std::move(*mapping);
  }
  const QStringList files = parser.positionalArguments();
  if (files.isEmpty()) {
    err << prefix << "no FILE to import\n" << importHelp();
    return ExitUsage;
  }
  const QString output = parser.value(outputOption);
  if (output.isEmpty()) {
    err << prefix << "-o OUT is needed: the dataset to write\n";
    return ExitUsage;
  }
  const QString suffix = QFileInfo(output).suffix().toLower();
  const bool storeOutput = suffix == QLatin1String("svstore");
  const bool geoPackageOutput = suffix == QLatin1String("gpkg");
  if (!storeOutput && !geoPackageOutput && suffix != QLatin1String("geojson") && suffix != QLatin1String("json")) {
    err << prefix << "-o " << output
        << ": name the dataset .geojson (exchange, hand-editable), .gpkg (GeoPackage, for QGIS and GDAL) or "
           ".svstore (large data, opens at once)\n";
    return ExitUsage;
  }

  QString readError;
  const auto loaded = loadGazetteer(common, &readError);
  if (!loaded) {
    err << prefix << readError << "\n";
    return ExitFailure;
  }
  const Gazetteer& gazetteer = *loaded;

  std::vector<Incident> incidents;
  std::vector<DatasetInfo> datasets;
  std::string reports;
  bool failed = false;
  for (const QString& file : files) {
    const std::string path = file.toStdString();
    IncidentReadResult result = importIncidents(path, options);
    if (result.ok) {
      result.accepted = result.incidents.size();
      if (std::string note = matchImportedPlaces(result.incidents, gazetteer); !note.empty())
        result.notes.push_back(std::move(note));
    }
    out << q(importReportText(path, result, 20));
    if (!reports.empty()) reports += ",\n";
    reports += importReportJson(path, result);
    if (!result.ok) {
      failed = true;
      continue;
    }
    datasets.push_back(result.info);
    incidents.insert(incidents.end(), std::make_move_iterator(result.incidents.begin()),
                     std::make_move_iterator(result.incidents.end()));
  }

  QString error;
  if (parser.isSet(reportOption)) {
    const std::string json = files.size() == 1 ? reports : "[\n" + reports + "]\n";
    if (!writeText(parser.value(reportOption), json, &error)) {
      err << prefix << error << "\n";
      return ExitFailure;
    }
  }
  if (failed) {
    err << prefix << "nothing written: a file could not be read\n";
    return ExitFailure;
  }
  std::string writeError;
  const DatasetInfo info = combinedDatasetInfo(datasets);
  const std::size_t written = incidents.size();
  if (storeOutput) {
    // The store's columns as they are in memory: built once here, every
    // later opening reads them without parsing or indexing.
    const auto store = EventStore::build(std::move(incidents), info);
    if (!writeStoreFile(output.toStdString(), *store, "situation-viewer dataset", &writeError)) {
      err << prefix << q(writeError) << "\n";
      return ExitFailure;
    }
  } else if (geoPackageOutput) {
    if (!writeIncidentGeoPackage(output.toStdString(), info, incidents, &writeError)) {
      err << prefix << q(writeError) << "\n";
      return ExitFailure;
    }
  } else if (!writeIncidentDataset(output.toStdString(), info, incidents, &writeError)) {
    err << prefix << q(writeError) << "\n";
    return ExitFailure;
  }
  out << output << ": " << written << " incidents written\n";
  return ExitSuccess;
}

} // namespace sv
