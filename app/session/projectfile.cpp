#include "session/projectfile.h"

#include "render/qtext.h"
#include "session/databasesource.h"
#include "session/qtdates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace sv {
namespace {

constexpr int kVersion = 1;
const QString kFormat = QStringLiteral("situation-viewer-project");

QJsonArray names(const QStringList& list) { return QJsonArray::fromStringList(list); }

// A dataset's path as stored: relative when it lies in the project's folder or below it.
QString storedPath(const QDir& folder, const QString& path) {
  // A database is kept as its URI, never with a password.
  if (isDatabaseUri(path)) return withoutPassword(path);
  const QString absolute = QFileInfo(path).absoluteFilePath();
  const QString relative = folder.relativeFilePath(absolute);
  return relative.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(relative) ? absolute : relative;
}

QString colourName(const QColor& colour) { return colour.name(QColor::HexArgb); }

QJsonObject styleToJson(const ContextStyle& style) {
  QJsonObject json{{QStringLiteral("kind"), contextStyleKindName(style.kind)},
                   {QStringLiteral("fill"), colourName(style.fill)},
                   {QStringLiteral("stroke"), colourName(style.stroke)},
                   {QStringLiteral("stroke_width"), style.strokeWidth},
                   {QStringLiteral("opacity"), style.opacity}};
  if (!style.labelField.isEmpty()) json[QStringLiteral("label_field")] = style.labelField;
  if (!style.timeField.isEmpty()) json[QStringLiteral("time_field")] = style.timeField;
  if (!style.timeEndField.isEmpty()) json[QStringLiteral("time_end_field")] = style.timeEndField;
  return json;
}

// The layers of a project, or the problem with them ("base_map.opacity: …").
QString readLayers(const QJsonObject& root, const QDir& folder, Project& project) {
  if (root.contains(QStringLiteral("base_map"))) {
    const QJsonObject base = root.value(QStringLiteral("base_map")).toObject();
    QString spec = base.value(QStringLiteral("source")).toString();
    if (spec.startsWith(QLatin1String("mbtiles:")))
      spec = QStringLiteral("mbtiles:") + QDir::cleanPath(folder.absoluteFilePath(spec.mid(8)));
    else if (!spec.isEmpty() && !spec.startsWith(QLatin1String("xyz:")))
      return QStringLiteral("base_map.source: expected mbtiles:FILE or xyz:URL, not '%1'").arg(spec);
    project.baseMap = spec;
    project.baseOpacity = base.value(QStringLiteral("opacity")).toDouble(1.0);
    if (!(project.baseOpacity >= 0.0 && project.baseOpacity <= 1.0))
      return QStringLiteral("base_map.opacity: expected a number from 0 to 1");
    project.baseVectors = base.value(QStringLiteral("vectors")).toBool(true);
  }
  const QJsonArray layers = root.value(QStringLiteral("context_layers")).toArray();
  for (qsizetype k = 0; k < layers.size(); ++k) {
    const QJsonObject entry = layers[k].toObject();
    const QString field = QStringLiteral("context_layers[%1]").arg(k);
    Project::ContextLayerEntry layer;
    const QString stored = entry.value(QStringLiteral("path")).toString();
    if (stored.isEmpty()) return field + QStringLiteral(".path: missing");
    layer.path = QDir::cleanPath(folder.absoluteFilePath(stored));
    layer.visible = entry.value(QStringLiteral("visible")).toBool(true);
    const QJsonObject style = entry.value(QStringLiteral("style")).toObject();
    const QString kind = style.value(QStringLiteral("kind")).toString(QStringLiteral("plain"));
    const auto parsedKind = parseContextStyleKind(kind);
    if (!parsedKind) return QStringLiteral("%1.style.kind: '%2' is not plain or roads").arg(field, kind);
    layer.style.kind = *parsedKind;
    for (const auto& [name, colour] : {std::pair{QStringLiteral("fill"), &layer.style.fill},
                                       std::pair{QStringLiteral("stroke"), &layer.style.stroke}}) {
      if (!style.contains(name)) continue;
      *colour = QColor::fromString(style.value(name).toString());
      if (!colour->isValid())
        return QStringLiteral("%1.style.%2: not a colour: '%3'").arg(field, name, style.value(name).toString());
    }
    layer.style.strokeWidth = std::clamp(style.value(QStringLiteral("stroke_width")).toDouble(1.2), 0.1, 20.0);
    layer.style.opacity = std::clamp(style.value(QStringLiteral("opacity")).toDouble(1.0), 0.0, 1.0);
    layer.style.labelField = style.value(QStringLiteral("label_field")).toString();
    layer.style.timeField = style.value(QStringLiteral("time_field")).toString();
    layer.style.timeEndField = style.value(QStringLiteral("time_end_field")).toString();
    project.contextLayers.push_back(std::move(layer));
  }
  return {};
}

} // namespace

QJsonObject filterToJson(const EventStore& store, const IncidentFilter& filter) {
  QJsonObject json;
  QStringList hiddenTypes, hiddenSubTypes, actors;
  for (int t = 0; t < kEventTypeCount; ++t)
    if ((filter.types & IncidentFilter::typeBit(static_cast<EventType>(t))) == 0)
      hiddenTypes << q(eventTypeName(static_cast<EventType>(t)));
  for (int s = 1; s < kSubEventTypeCount; ++s)
    if ((filter.subTypes & IncidentFilter::subTypeBit(static_cast<SubEventType>(s))) == 0)
      hiddenSubTypes << q(subEventTypeName(static_cast<SubEventType>(s)));
  for (std::uint32_t actor : filter.actors) actors << q(store.string(actor));
  if (!hiddenTypes.isEmpty()) json[QStringLiteral("hidden_types")] = names(hiddenTypes);
  if (!hiddenSubTypes.isEmpty()) json[QStringLiteral("hidden_sub_types")] = names(hiddenSubTypes);
  if (!actors.isEmpty()) json[QStringLiteral("actors")] = names(actors);
  if (filter.minFatalities > 0) json[QStringLiteral("min_fatalities")] = filter.minFatalities;
  if (filter.region) json[QStringLiteral("region")] = q(store.string(*filter.region));
  if (filter.civilianTargeting) json[QStringLiteral("civilian_targeting")] = *filter.civilianTargeting;
  return json;
}

IncidentFilter filterFromJson(const EventStore& store, const QJsonObject& json, QStringList* unknown) {
  IncidentFilter filter;
  const auto note = [&](const QString& what) {
    if (unknown) *unknown << what;
  };
  for (const QJsonValue& name : json.value(QStringLiteral("hidden_types")).toArray()) {
    if (const auto type = eventTypeFromName(name.toString().toStdString()))
      filter.types &= ~IncidentFilter::typeBit(*type);
    else
      note(QStringLiteral("event type '%1'").arg(name.toString()));
  }
  for (const QJsonValue& name : json.value(QStringLiteral("hidden_sub_types")).toArray()) {
    if (const auto subType = subEventTypeFromName(name.toString().toStdString()))
      filter.subTypes &= ~IncidentFilter::subTypeBit(*subType);
    else
      note(QStringLiteral("sub-event type '%1'").arg(name.toString()));
  }
  for (const QJsonValue& name : json.value(QStringLiteral("actors")).toArray()) {
    if (const auto actor = store.strings().find(name.toString().toStdString()))
      filter.actors.push_back(*actor);
    else
      note(QStringLiteral("actor '%1'").arg(name.toString()));
  }
  std::sort(filter.actors.begin(), filter.actors.end());
  filter.actors.erase(std::unique(filter.actors.begin(), filter.actors.end()), filter.actors.end());
  filter.minFatalities = std::max(0, json.value(QStringLiteral("min_fatalities")).toInt(0));
  if (json.contains(QStringLiteral("region"))) {
    const QString region = json.value(QStringLiteral("region")).toString();
    const auto id = store.strings().find(region.toStdString());
    const auto regions = store.regions();
    if (id && std::find(regions.begin(), regions.end(), *id) != regions.end())
      filter.region = *id;
    else
      note(QStringLiteral("region '%1'").arg(region));
  }
  if (json.value(QStringLiteral("civilian_targeting")).isBool())
    filter.civilianTargeting = json.value(QStringLiteral("civilian_targeting")).toBool();
  return filter;
}

bool writeProject(const QString& path, const Project& project, QString* error) {
  const QDir folder = QFileInfo(path).absoluteDir();
  QJsonObject root;
  root[QStringLiteral("format")] = kFormat;
  root[QStringLiteral("version")] = kVersion;
  QJsonArray datasets;
  for (const Project::Dataset& dataset : project.datasets) {
    QJsonObject entry;
    entry[QStringLiteral("path")] = storedPath(folder, dataset.path);
    entry[QStringLiteral("visible")] = dataset.style.visible;
    entry[QStringLiteral("colour")] =
        dataset.style.colour.isValid() ? QJsonValue(dataset.style.colour.name()) : QJsonValue();
    if (!dataset.mapping.isEmpty()) entry[QStringLiteral("map")] = dataset.mapping;
    if (dataset.style.drawing != DatasetDrawing::Automatic)
      entry[QStringLiteral("drawing")] =
          dataset.style.drawing == DatasetDrawing::Density ? QStringLiteral("density") : QStringLiteral("symbols");
    datasets.append(entry);
  }
  root[QStringLiteral("datasets")] = datasets;
  if (!project.baseMap.isEmpty()) {
    const QString source = project.baseMap.startsWith(QLatin1String("mbtiles:"))
                               ? QStringLiteral("mbtiles:") + storedPath(folder, project.baseMap.mid(8))
                               : project.baseMap;
    root[QStringLiteral("base_map")] = QJsonObject{{QStringLiteral("source"), source},
                                                   {QStringLiteral("opacity"), project.baseOpacity},
                                                   {QStringLiteral("vectors"), project.baseVectors}};
  }
  QJsonArray contextLayers;
  for (const Project::ContextLayerEntry& layer : project.contextLayers)
    contextLayers.append(QJsonObject{{QStringLiteral("path"), storedPath(folder, layer.path)},
                                     {QStringLiteral("visible"), layer.visible},
                                     {QStringLiteral("style"), styleToJson(layer.style)}});
  if (!contextLayers.isEmpty()) root[QStringLiteral("context_layers")] = contextLayers;
  if (project.centreLonLat && project.metresPerPixel > 0) {
    root[QStringLiteral("view")] = QJsonObject{{QStringLiteral("longitude"), project.centreLonLat->x()},
                                               {QStringLiteral("latitude"), project.centreLonLat->y()},
                                               {QStringLiteral("metres_per_pixel"), project.metresPerPixel}};
  }
  if (project.time) {
    QJsonObject time{{QStringLiteral("mode"), q(timeModeName(project.time->mode))},
                     {QStringLiteral("cursor"), q(formatIsoDate(project.time->cursor))},
                     {QStringLiteral("step"), q(formatTimeLength(project.time->step))},
                     {QStringLiteral("window"), q(formatTimeLength(project.time->window))}};
    if (project.speed > 0) time[QStringLiteral("speed")] = project.speed;
    root[QStringLiteral("time")] = time;
  }
  if (!project.filter.isEmpty()) root[QStringLiteral("filter")] = project.filter;
  QJsonObject selection;
  if (project.place) {
    QJsonObject place{{QStringLiteral("name"), QString::fromStdString(project.place->name)},
                      {QStringLiteral("longitude"), project.place->longitude},
                      {QStringLiteral("latitude"), project.place->latitude}};
    if (project.place->geonameId) place[QStringLiteral("geonameid")] = static_cast<qint64>(*project.place->geonameId);
    selection[QStringLiteral("place")] = place;
  }
  if (!project.incidentId.isEmpty()) selection[QStringLiteral("incident")] = project.incidentId;
  if (!selection.isEmpty()) root[QStringLiteral("selection")] = selection;

  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    if (error) *error = QStringLiteral("%1: %2").arg(path, file.errorString());
    return false;
  }
  file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
  if (!file.commit()) {
    if (error) *error = QStringLiteral("%1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

std::optional<Project> readProject(const QString& path, QString* error) {
  const auto failure = [&](const QString& problem) -> std::optional<Project> {
    if (error) *error = QStringLiteral("%1: %2").arg(path, problem);
    return std::nullopt;
  };
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return failure(file.errorString());
  if (file.size() > 64 * 1024 * 1024) return failure(QStringLiteral("too large for a project file"));
  QJsonParseError parse;
  const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parse);
  if (parse.error != QJsonParseError::NoError)
    return failure(QStringLiteral("not a project file: %1 at byte %2").arg(parse.errorString()).arg(parse.offset));
  const QJsonObject root = document.object();
  if (root.value(QStringLiteral("format")).toString() != kFormat)
    return failure(QStringLiteral("not a Situation Viewer project (format: '%1')")
                       .arg(root.value(QStringLiteral("format")).toString()));
  const int version = root.value(QStringLiteral("version")).toInt(0);
  if (version < 1 || version > kVersion)
    return failure(QStringLiteral("project version %1, this viewer reads version %2").arg(version).arg(kVersion));

  Project project;
  const QDir folder = QFileInfo(path).absoluteDir();
  const QJsonArray datasets = root.value(QStringLiteral("datasets")).toArray();
  for (qsizetype k = 0; k < datasets.size(); ++k) {
    const QJsonObject entry = datasets[k].toObject();
    const QString field = QStringLiteral("datasets[%1]").arg(k);
    const QString stored = entry.value(QStringLiteral("path")).toString();
    if (stored.isEmpty()) return failure(field + QStringLiteral(".path: missing"));
    Project::Dataset dataset;
    dataset.path = isDatabaseUri(stored) ? withoutPassword(stored) : QDir::cleanPath(folder.absoluteFilePath(stored));
    dataset.style.visible = entry.value(QStringLiteral("visible")).toBool(true);
    const QJsonValue colour = entry.value(QStringLiteral("colour"));
    if (colour.isString()) {
      dataset.style.colour = QColor::fromString(colour.toString());
      if (!dataset.style.colour.isValid())
        return failure(QStringLiteral("%1.colour: not a colour: '%2'").arg(field, colour.toString()));
    }
    const QString drawing = entry.value(QStringLiteral("drawing")).toString(QStringLiteral("automatic"));
    if (drawing == QLatin1String("density"))
      dataset.style.drawing = DatasetDrawing::Density;
    else if (drawing == QLatin1String("symbols"))
      dataset.style.drawing = DatasetDrawing::Symbols;
    else if (drawing != QLatin1String("automatic"))
      return failure(QStringLiteral("%1.drawing: '%2' is not automatic, symbols or density").arg(field, drawing));
    dataset.mapping = entry.value(QStringLiteral("map")).toString();
    std::string mappingProblem;
    if (!dataset.mapping.isEmpty() && !parseColumnMapping(dataset.mapping.toStdString(), &mappingProblem))
      return failure(QStringLiteral("%1.map: %2").arg(field, QString::fromStdString(mappingProblem)));
    project.datasets.push_back(dataset);
  }
  if (project.datasets.empty()) return failure(QStringLiteral("datasets: the project names no dataset"));
  if (project.datasets.size() > EventStore::kMaxDatasets)
    return failure(QStringLiteral("datasets: more than %1").arg(EventStore::kMaxDatasets));

  if (root.contains(QStringLiteral("view"))) {
    const QJsonObject view = root.value(QStringLiteral("view")).toObject();
    const double longitude = view.value(QStringLiteral("longitude")).toDouble(NAN);
    const double latitude = view.value(QStringLiteral("latitude")).toDouble(NAN);
    const double scale = view.value(QStringLiteral("metres_per_pixel")).toDouble(NAN);
    if (!(std::abs(longitude) <= 180.0) || !(std::abs(latitude) <= 90.0))
      return failure(QStringLiteral("view: longitude and latitude must be degrees within ±180 and ±90"));
    if (!(scale > 0.0)) return failure(QStringLiteral("view.metres_per_pixel: must be a positive number"));
    project.centreLonLat = QPointF(longitude, latitude);
    project.metresPerPixel = scale;
  }
  if (root.contains(QStringLiteral("time"))) {
    const QJsonObject time = root.value(QStringLiteral("time")).toObject();
    TimeSelection selection;
    const QString mode = time.value(QStringLiteral("mode")).toString();
    const auto parsedMode = timeModeFromName(mode.toStdString());
    if (!parsedMode) return failure(QStringLiteral("time.mode: '%1' is not instant, window or cumulative").arg(mode));
    selection.mode = *parsedMode;
    const QString cursor = time.value(QStringLiteral("cursor")).toString();
    const auto day = parseIsoDate(cursor.toStdString());
    if (!day) return failure(QStringLiteral("time.cursor: not a date: '%1'").arg(cursor));
    selection.cursor = *day;
    for (const auto& [name, length] :
         {std::pair{QStringLiteral("step"), &selection.step}, std::pair{QStringLiteral("window"), &selection.window}}) {
      if (!time.contains(name)) continue;
      const auto parsed = parseTimeLength(time.value(name).toString().toStdString());
      if (!parsed)
        return failure(
            QStringLiteral("time.%1: not a length such as 1d, 4w or 3m: '%2'").arg(name, time.value(name).toString()));
      *length = *parsed;
    }
    project.time = selection;
    project.speed = std::max(0.0, time.value(QStringLiteral("speed")).toDouble(0.0));
  }
  if (const QString problem = readLayers(root, folder, project); !problem.isEmpty()) return failure(problem);
  project.filter = root.value(QStringLiteral("filter")).toObject();
  const QJsonObject selection = root.value(QStringLiteral("selection")).toObject();
  if (selection.contains(QStringLiteral("place"))) {
    const QJsonObject place = selection.value(QStringLiteral("place")).toObject();
    HistoryPlace chosen;
    chosen.name = place.value(QStringLiteral("name")).toString().toStdString();
    chosen.longitude = place.value(QStringLiteral("longitude")).toDouble();
    chosen.latitude = place.value(QStringLiteral("latitude")).toDouble();
    if (place.value(QStringLiteral("geonameid")).isDouble())
      chosen.geonameId = static_cast<std::int64_t>(place.value(QStringLiteral("geonameid")).toDouble());
    project.place = chosen;
  }
  project.incidentId = selection.value(QStringLiteral("incident")).toString();
  return project;
}

} // namespace sv
