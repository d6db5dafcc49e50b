#include "session/session.h"

#include "geo/projection.h"
#include "io/importer.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <utility>

namespace sv {
namespace {

constexpr qsizetype kRecentFiles = 10;

// Files by absolute path; database URIs as they are, without a password.
QString absolute(const QString& path) {
  return isDatabaseUri(path) ? withoutPassword(path) : QFileInfo(path).absoluteFilePath();
}

// A burst of changes (a push is one statement per table, a script many) is read once.
constexpr int kRefreshDelayMs = 300;

} // namespace

Session::Session(MapContext context, QObject* parent)
    : QObject(parent), m_context(std::move(context)), m_layerSet(m_context.projection.crs()) {
  m_layerSet.setParent(this);
  m_styles.resize(m_context.incidents ? m_context.incidents->store().datasetCount() : 0);
  for (std::size_t d = 0; d < m_styles.size() && d < m_context.datasetColours.size(); ++d)
    m_styles[d].colour = m_context.datasetColours[d];
  m_refreshTimer = new QTimer(this);
  m_refreshTimer->setSingleShot(true);
  m_refreshTimer->setInterval(kRefreshDelayMs);
  connect(m_refreshTimer, &QTimer::timeout, this, &Session::refreshDatabases);
  watchDatabases();
}

Session::~Session() {
  m_importJob.cancel();
  m_refreshJob.cancel();
}

// --- Databases ------------------------------------------------------------------

void Session::watchDatabases() {
  std::vector<std::unique_ptr<DatabaseWatcher>> watchers;
  for (const QString& path : m_context.datasetPaths) {
    if (!isDatabaseUri(path)) continue;
    auto existing = std::find_if(m_watchers.begin(), m_watchers.end(),
                                 [&](const auto& watcher) { return watcher && watcher->uri() == path; });
    if (existing != m_watchers.end()) {
      watchers.push_back(std::move(*existing));
      continue;
    }
    auto watcher = std::make_unique<DatabaseWatcher>(path);
    connect(watcher.get(), &DatabaseWatcher::changed, this, &Session::scheduleRefresh);
    connect(watcher.get(), &DatabaseWatcher::staleChanged, this, [this, uri = path](bool stale, const QString& reason) {
      if (stale)
        m_stale.insert(uri, reason);
      else
        m_stale.remove(uri);
      const qsizetype d = m_context.datasetPaths.indexOf(uri);
      if (d >= 0) emit staleChanged(static_cast<std::size_t>(d), stale, reason);
    });
    watchers.push_back(std::move(watcher));
  }
  m_watchers = std::move(watchers);
  for (auto it = m_stale.begin(); it != m_stale.end();)
    it = m_context.datasetPaths.contains(it.key()) ? std::next(it) : m_stale.erase(it);
}

bool Session::isStale(std::size_t dataset) const { return !staleReason(dataset).isEmpty(); }

QString Session::staleReason(std::size_t dataset) const {
  if (dataset >= static_cast<std::size_t>(m_context.datasetPaths.size())) return {};
  return m_stale.value(m_context.datasetPaths[static_cast<qsizetype>(dataset)]);
}

void Session::scheduleRefresh() { m_refreshTimer->start(); }

// The tables read now say which part they gave; those kept as they were keep theirs.
void Session::keepDatabaseWindows(const DatasetImportOutcome& outcome) {
  QHash<QString, DatabaseWindow> windows;
  QStringList read;
  for (const FileImportReport& report : outcome.reports) read << report.path;
  for (const QString& path : outcome.paths) {
    if (outcome.databaseWindows.contains(path))
      windows.insert(path, outcome.databaseWindows.value(path));
    else if (!read.contains(path) && m_databaseWindows.contains(path))
      windows.insert(path, m_databaseWindows.value(path));
  }
  m_databaseWindows = std::move(windows);
  for (auto it = m_chosenWindows.begin(); it != m_chosenWindows.end();)
    it = m_databaseWindows.contains(it.key()) ? std::next(it) : m_chosenWindows.erase(it);
}

std::optional<DatabaseWindow> Session::databaseWindow(std::size_t dataset) const {
  if (dataset >= static_cast<std::size_t>(m_context.datasetPaths.size())) return std::nullopt;
  const QString& path = m_context.datasetPaths[static_cast<qsizetype>(dataset)];
  if (!m_databaseWindows.contains(path)) return std::nullopt;
  return m_databaseWindows.value(path);
}

void Session::fetchDatabaseWindow(std::size_t dataset, const db::Query& query) {
  if (dataset >= static_cast<std::size_t>(m_context.datasetPaths.size())) return;
  m_chosenWindows.insert(m_context.datasetPaths[static_cast<qsizetype>(dataset)], query);
  refreshDatabases();
}

void Session::refreshDatabases() {
  if (!m_context.incidents) return;
  // An import replaces the datasets anyway. A refresh under way finishes
  // first and another follows it: superseding it at each change would never
  // let one end while a client writes steadily.
  if (isImporting()) {
    m_refreshTimer->start();
    return;
  }
  if (m_refreshJob.isRunning()) {
    m_refreshAgain = true;
    return;
  }
  const QStringList paths = m_context.datasetPaths;
  if (std::none_of(paths.begin(), paths.end(), [](const QString& path) { return isDatabaseUri(path); })) return;
  m_refreshJob.start(
      [paths, map = m_context.baseMap, columns = m_mappings, windows = m_chosenWindows](JobControl& job) {
        return importDatasets(paths, {}, nullptr, map->gazetteer(), job, columns, windows);
      },
      [this, paths](DatasetImportOutcome outcome) { finishRefresh(std::move(outcome), paths); });
}

void Session::finishRefresh(DatasetImportOutcome outcome, const QStringList& paths) {
  if (std::exchange(m_refreshAgain, false)) m_refreshTimer->start();
  // The datasets changed meanwhile (an import, a removal): this reading is of no use.
  if (paths != m_context.datasetPaths || isImporting()) return;
  if (!outcome.ok) {
    if (!outcome.cancelled) emit refreshFinished(false, tr("Refresh failed: %1").arg(outcome.error));
    return;
  }
  keepDatabaseWindows(outcome);
  publish(std::move(outcome.layer), outcome.paths);
  emit refreshFinished(true,
                       tr("Refreshed: %n incidents", nullptr, static_cast<int>(m_context.incidents->store().size())));
}

std::shared_ptr<const EventStore> Session::store() const {
  return m_context.incidents ? m_context.incidents->storePointer() : nullptr;
}

// --- Styles -------------------------------------------------------------------

void Session::setDatasetVisible(std::size_t dataset, bool visible) {
  if (dataset >= m_styles.size() || m_styles[dataset].visible == visible) return;
  m_styles[dataset].visible = visible;
  emit stylesChanged(m_styles);
}

void Session::setDatasetColour(std::size_t dataset, const QColor& colour) {
  if (dataset >= m_styles.size()) return;
  const QColor opaque = colour.isValid() ? QColor(colour.rgb()) : QColor();
  if (m_styles[dataset].colour == opaque) return;
  m_styles[dataset].colour = opaque;
  emit stylesChanged(m_styles);
}

void Session::setDatasetDrawing(std::size_t dataset, DatasetDrawing drawing) {
  if (dataset >= m_styles.size() || m_styles[dataset].drawing == drawing) return;
  m_styles[dataset].drawing = drawing;
  emit stylesChanged(m_styles);
}

std::vector<DatasetDrawing> Session::datasetDrawings() const {
  std::vector<DatasetDrawing> drawings;
  for (const DatasetStyle& style : m_styles) drawings.push_back(style.drawing);
  return drawings;
}

std::uint64_t Session::visibleDatasets() const {
  std::uint64_t mask = IncidentFilter::kAllDatasets;
  for (std::size_t d = 0; d < m_styles.size(); ++d)
    if (!m_styles[d].visible) mask &= ~IncidentFilter::datasetBit(d);
  return mask;
}

std::vector<QColor> Session::datasetColours() const {
  std::vector<QColor> colours;
  colours.reserve(m_styles.size());
  for (const DatasetStyle& style : m_styles) colours.push_back(style.colour);
  return colours;
}

MapContext Session::mapContext() const {
  // A projection of its own: one PROJ context per thread.
  auto projection = Projection::create(m_context.projection.crs());
  MapContext context{projection ? std::move(*projection) : Projection::webMercator(),
                     m_context.baseMap,
                     m_context.incidents,
                     m_context.datasetPaths.join(QStringLiteral(", ")),
                     {},
                     m_context.datasetPaths,
                     datasetColours(),
                     m_layerSet.layers(),
                     datasetDrawings()};
  return context;
}

// --- Opening data ---------------------------------------------------------------

std::optional<std::pair<QString, TablePreview>> Session::tableNeedingColumns(const QStringList& paths) const {
  for (const QString& path : paths) {
    if (!columnMapping(path).isEmpty() || m_context.datasetPaths.contains(path)) continue;
    // Only text is previewed: its first megabyte is cheap to read, where GDAL
    // may parse a whole GeoJSON file to open it. GDAL layers go to the
    // import, whose error points to the column-mapping dialog.
    if (resolveImportFormat(path.toStdString(), ImportFormat::Auto) != ImportFormat::Csv) continue;
    auto preview = previewTable(path.toStdString(), 20, nullptr);
    // Unreadable files are left to the import, which reports why.
    if (preview && !preview->problem.empty()) return std::pair{path, std::move(*preview)};
  }
  return std::nullopt;
}

QString Session::columnMapping(const QString& path) const { return m_mappings.value(absolute(path)); }

void Session::setColumnMapping(const QString& path, const QString& mapping) {
  if (mapping.isEmpty())
    m_mappings.remove(absolute(path));
  else
    m_mappings.insert(absolute(path), mapping);
}

bool Session::openDatasets(const QStringList& paths, OpenMode mode) {
  if (paths.isEmpty() || !m_context.incidents || isImporting()) return false;
  const bool add = mode == OpenMode::Add;
  emit importStarted(paths);
  m_importJob.start(
      [paths, keptPaths = add ? m_context.datasetPaths : QStringList(), kept = add ? store() : nullptr,
       map = m_context.baseMap, columns = m_mappings, windows = m_chosenWindows](JobControl& job) {
        return importDatasets(paths, keptPaths, kept, map->gazetteer(), job, columns, windows);
      },
      [this](DatasetImportOutcome outcome) { finishImport(std::move(outcome)); });
  return true;
}

void Session::finishImport(DatasetImportOutcome outcome) {
  std::optional<PendingProject> pending = std::exchange(m_pendingProject, std::nullopt);
  outcome.forProject = pending.has_value();
  if (outcome.cancelled || !outcome.ok) {
    const QString message = outcome.cancelled ? tr("Import cancelled: the data shown is unchanged") : outcome.error;
    emit importFinished(outcome, message);
    if (pending) emit projectFailed(message, outcome.cancelled);
    return;
  }
  QStringList opened;
  for (const FileImportReport& report : outcome.reports) opened << report.path;
  rememberRecentFiles(opened);
  keepDatabaseWindows(outcome);
  publish(std::move(outcome.layer), outcome.paths);
  const QString message =
      tr("%n incidents from %1", nullptr, static_cast<int>(m_context.incidents->store().size()))
          .arg(m_context.datasetPaths.size() == 1 ? (isDatabaseUri(m_context.datasetPaths.first())
                                                         ? m_context.datasetPaths.first()
                                                         : QFileInfo(m_context.datasetPaths.first()).fileName())
                                                  : tr("%1 datasets").arg(m_context.datasetPaths.size()));
  emit importFinished(outcome, message);
  if (pending) {
    setProjectPath(pending->path);
    applyStyles(pending->project.datasets);
    m_layerSet.applyProject(pending->project, &pending->notes);
    emit projectReady(pending->project, pending->notes);
  }
}

// A new snapshot: styles follow their files, then every view is told.
void Session::publish(std::shared_ptr<const IncidentLayerData> layer, const QStringList& paths) {
  std::vector<DatasetStyle> styles(static_cast<std::size_t>(paths.size()));
  for (qsizetype k = 0; k < paths.size(); ++k) {
    const qsizetype old = m_context.datasetPaths.indexOf(paths[k]);
    if (old >= 0 && static_cast<std::size_t>(old) < m_styles.size())
      styles[static_cast<std::size_t>(k)] = m_styles[static_cast<std::size_t>(old)];
  }
  styles.resize(layer->store().datasetCount());
  m_context.incidents = std::move(layer);
  m_context.datasetPaths = paths;
  m_context.incidentsPath = paths.join(QStringLiteral(", "));
  m_context.incidentProblems.clear();
  m_styles = std::move(styles);
  watchDatabases();
  emit datasetsChanged(m_context.incidents);
  emit stylesChanged(m_styles);
}

void Session::applyStyles(const std::vector<Project::Dataset>& datasets) {
  bool changed = false;
  for (std::size_t d = 0; d < datasets.size() && d < m_styles.size(); ++d) {
    DatasetStyle style = datasets[d].style;
    if (style.colour.isValid()) style.colour = QColor(style.colour.rgb());
    changed = changed || !(style == m_styles[d]);
    m_styles[d] = style;
  }
  if (changed) emit stylesChanged(m_styles);
}

bool Session::removeDataset(std::size_t dataset) {
  QStringList remaining = m_context.datasetPaths;
  if (dataset >= static_cast<std::size_t>(remaining.size()) || remaining.size() < 2) return false;
  remaining.removeAt(static_cast<qsizetype>(dataset));
  return openDatasets(remaining, OpenMode::Replace);
}

// --- Recent files ---------------------------------------------------------------

QStringList Session::recentFiles() { return QSettings().value(QStringLiteral("recentDatasets")).toStringList(); }

void Session::rememberRecentFiles(const QStringList& paths) {
  QStringList recent = recentFiles();
  for (const QString& path : paths) {
    recent.removeAll(absolute(path));
    recent.prepend(absolute(path));
  }
  while (recent.size() > kRecentFiles) recent.removeLast();
  QSettings().setValue(QStringLiteral("recentDatasets"), recent);
}

// --- Projects -------------------------------------------------------------------

void Session::setProjectPath(const QString& path) {
  const QString full = absolute(path);
  rememberRecentFiles({full});
  if (full == m_projectPath) return;
  m_projectPath = full;
  emit projectPathChanged(m_projectPath);
}

Project Session::project() const {
  Project project;
  for (qsizetype k = 0; k < m_context.datasetPaths.size(); ++k) {
    const auto d = static_cast<std::size_t>(k);
    project.datasets.push_back({absolute(m_context.datasetPaths[k]), d < m_styles.size() ? m_styles[d] : DatasetStyle(),
                                columnMapping(m_context.datasetPaths[k])});
  }
  m_layerSet.fillProject(project);
  return project;
}

bool Session::saveProject(const QString& path, const Project& project, QString* error) {
  if (!writeProject(path, project, error)) return false;
  setProjectPath(path);
  return true;
}

void Session::openProject(const QString& path) {
  if (!m_context.incidents) return;
  if (isImporting()) {
    emit projectFailed(tr("An import is already running"), false);
    return;
  }
  QString error;
  std::optional<Project> project = readProject(path, &error);
  if (!project) {
    emit projectFailed(error, false);
    return;
  }
  QStringList paths, notes;
  for (const Project::Dataset& dataset : project->datasets) {
    if (!dataset.mapping.isEmpty()) setColumnMapping(dataset.path, dataset.mapping);
    if (isDatabaseUri(dataset.path) || QFileInfo::exists(dataset.path))
      paths << dataset.path;
    else
      notes << tr("%1: not found, left out").arg(dataset.path);
  }
  if (paths.isEmpty()) {
    emit projectFailed(tr("%1: none of its datasets is on this computer:\n%2").arg(path, notes.join(QLatin1Char('\n'))),
                       false);
    return;
  }
  // Styles follow the datasets that were found.
  std::erase_if(project->datasets, [&](const Project::Dataset& dataset) { return !paths.contains(dataset.path); });
  QStringList open;
  for (const QString& current : m_context.datasetPaths) open << absolute(current);
  if (open == paths) {
    setProjectPath(path);
    applyStyles(project->datasets);
    m_layerSet.applyProject(*project, &notes);
    emit projectReady(*project, notes);
    return;
  }
  m_pendingProject = PendingProject{path, std::move(*project), notes};
  openDatasets(paths, OpenMode::Replace);
}

} // namespace sv
