#include "cli/commandline.h"
#include "session/geodatalocator.h"

#include "domain/gazetteer.h"
#include "io/basemapreader.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>

namespace sv {
namespace {

QString placesHelp() {
  return QStringLiteral(
             "Usage: %1 places QUERY [--format text|json] [--limit N] [--geodata FILE]\n"
             "\n"
             "Lists the gazetteer's places whose name or alternate name matches QUERY,\n"
             "ignoring case, accents and punctuation, best match first. Homonyms are\n"
             "told apart by their region and cercle.\n"
             "\n"
             "  --format FORMAT  text (default) or json\n"
             "  --limit N        at most N matches (default 20)\n")
      .arg(programName());
}

QString matchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::ExactName: return QStringLiteral("name");
    case MatchKind::ExactAlternate: return QStringLiteral("alternate name");
    case MatchKind::PrefixName: return QStringLiteral("name prefix");
    case MatchKind::PrefixAlternate: return QStringLiteral("alternate name prefix");
    case MatchKind::Similar: return QStringLiteral("similar spelling");
    case MatchKind::Substring: return QStringLiteral("part of a name");
  }
  return {};
}

QString formatCoordinate(double value, char positive, char negative) {
  return QStringLiteral("%1°%2").arg(std::abs(value), 0, 'f', 4).arg(QChar(value >= 0 ? positive : negative));
}

} // namespace

int runPlacesCommand(const QStringList& arguments, QTextStream& out, QTextStream& err) {
  CommonOptions common;
  QCommandLineParser parser;
  const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("format"),
                                        QStringLiteral("text"));
  const QCommandLineOption limitOption(QStringLiteral("limit"), QString(), QStringLiteral("n"), QStringLiteral("20"));
  parser.addOptions({formatOption, limitOption});
  parser.addPositionalArgument(QStringLiteral("query"), QString());
  if (auto done = startCommand(QStringLiteral("places"), arguments, parser, placesHelp(), true, common, out, err))
    return *done;
  const QString format = parser.value(formatOption);
  if (format != QLatin1String("text") && format != QLatin1String("json")) {
    err << programName() << " places: unknown --format '" << format << "' (use text or json)\n";
    return ExitUsage;
  }
  bool limitOk = false;
  const int limit = parser.value(limitOption).toInt(&limitOk);
  if (!limitOk || limit < 1) {
    err << programName() << " places: --limit must be a whole number of at least 1\n";
    return ExitUsage;
  }
  const QString query = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
  if (query.isEmpty()) {
    err << programName() << " places: a QUERY is needed\n" << placesHelp();
    return ExitUsage;
  }

  // Searching needs only the gazetteer: nothing is projected or drawn.
  std::string readError;
  auto data = readBaseMap(geodataPath(common.geodataPath).toStdString(), &readError);
  if (!data) {
    err << programName() << " places: " << QString::fromStdString(readError) << "\n";
    return ExitFailure;
  }
  const Gazetteer gazetteer(std::move(data->places));
  const auto matches = gazetteer.search(query.toStdString(), static_cast<std::size_t>(limit));

  if (format == QLatin1String("json")) {
    QJsonArray array;
    for (const PlaceMatch& match : matches) {
      const Place& place = gazetteer.place(match.placeIndex);
      QJsonArray alternates;
      for (const auto& name : place.alternateNames) alternates.append(QString::fromStdString(name));
      array.append(QJsonObject{
          {QStringLiteral("geonameid"), static_cast<qint64>(place.geonameId)},
          {QStringLiteral("name"), QString::fromStdString(place.name)},
          {QStringLiteral("alternate_names"), alternates},
          {QStringLiteral("latitude"), place.latitude},
          {QStringLiteral("longitude"), place.longitude},
          {QStringLiteral("region"), QString::fromStdString(place.region)},
          {QStringLiteral("cercle"), QString::fromStdString(place.cercle)},
          {QStringLiteral("feature_code"), QString::fromStdString(place.featureCode)},
          {QStringLiteral("population"), static_cast<qint64>(place.population)},
          {QStringLiteral("matched_name"), QString::fromStdString(match.matchedName)},
          {QStringLiteral("match"), matchKindName(match.kind)},
      });
    }
    const QJsonObject document{{QStringLiteral("query"), query}, {QStringLiteral("matches"), array}};
    out << QJsonDocument(document).toJson(QJsonDocument::Indented);
  } else {
    for (const PlaceMatch& match : matches) {
      const Place& place = gazetteer.place(match.placeIndex);
      out << QString::fromStdString(place.name);
      if (match.matchedName != place.name) out << " (" << QString::fromStdString(match.matchedName) << ")";
      out << "\t" << formatCoordinate(place.latitude, 'N', 'S') << " " << formatCoordinate(place.longitude, 'E', 'W')
          << "\t" << QString::fromStdString(place.region) << " region, " << QString::fromStdString(place.cercle)
          << " cercle\t" << QString::fromStdString(place.featureCode) << "\tgeonames:" << place.geonameId << "\n";
    }
  }
  if (matches.empty()) {
    err << programName() << " places: no place matches '" << query << "'\n";
    return ExitFailure;
  }
  return ExitSuccess;
}

} // namespace sv
