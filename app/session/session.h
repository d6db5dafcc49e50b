#pragma once

#include "session/backgroundjob.h"
#include "session/databasesource.h"
#include "session/datasetimport.h"
#include "session/datasetstyle.h"
#include "session/mapcontext.h"
#include "session/maplayerset.h"
#include "session/projectfile.h"

#include "io/tablepreview.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace sv {

// The one owner of the open data: the base map and its projection, the open
// datasets (as the immutable, projected snapshot the renderer takes), how
// each is shown, the column mappings they were read with, the project file
// and the import job. Views follow its signals; exports ask it for a
// complete MapContext. It knows no widgets, so the command line, the tests
// and the window share it.
class Session : public QObject {
  Q_OBJECT

public:
  enum class OpenMode { Add, Replace };

  // `context`: the base map and projection, and the datasets first shown
  // (loadIncidents), whose paths and problems it carries.
  explicit Session(MapContext context, QObject* parent = nullptr);
  ~Session() override;

  const std::shared_ptr<const BaseMap>& baseMap() const { return m_context.baseMap; }
  const Projection& projection() const { return m_context.projection; }
  const Gazetteer& gazetteer() const { return m_context.baseMap->gazetteer(); }
  // The open datasets, projected; null when none were opened.
  const std::shared_ptr<const IncidentLayerData>& incidents() const { return m_context.incidents; }
  std::shared_ptr<const EventStore> store() const;
  bool hasIncidents() const { return m_context.incidents != nullptr; }
  const QStringList& datasetPaths() const { return m_context.datasetPaths; }
  std::size_t datasetCount() const { return m_styles.size(); }
  // The records the first datasets' readers rejected, one line each.
  const QStringList& loadProblems() const { return m_context.incidentProblems; }

  // How each dataset is shown. Styles follow their files through later imports.
  const std::vector<DatasetStyle>& styles() const { return m_styles; }
  void setDatasetVisible(std::size_t dataset, bool visible);
  void setDatasetColour(std::size_t dataset, const QColor& colour);
  void setDatasetDrawing(std::size_t dataset, DatasetDrawing drawing);
  std::vector<DatasetDrawing> datasetDrawings() const;
  // Bit per visible dataset, for IncidentFilter::datasets.
  std::uint64_t visibleDatasets() const;
  // Per dataset: its single colour, or invalid for colours by event type.
  std::vector<QColor> datasetColours() const;

  // The tiles and context layers under the incidents.
  MapLayerSet& mapLayers() { return m_layerSet; }
  const MapLayerSet& mapLayers() const { return m_layerSet; }

  // Everything an export draws from, by value and complete (datasets, their
  // colours and paths), with a projection of its own: it may go to any thread.
  MapContext mapContext() const;

  // Opening data. Files are read on the import job; a file that cannot be
  // read, or a cancel, leaves the datasets as they were. Returns false when
  // an import is already running.
  bool openDatasets(const QStringList& paths, OpenMode mode);
  void cancelImport() { m_importJob.cancel(); }
  bool isImporting() const { return m_importJob.isRunning(); }
  BackgroundJob& importJob() { return m_importJob; }
  // Closes one dataset (by re-reading the others, from the cache). The last
  // one stays; false when nothing is removed (the last, or an import runs).
  bool removeDataset(std::size_t dataset);
  // The first of `paths` that is delimited text the viewer cannot read by
  // itself (no known layout, no usual names for a date and a position), with
  // a preview of it for the column-mapping dialog; nullopt when none needs one.
  // Reads only the first megabyte of text files.
  std::optional<std::pair<QString, TablePreview>> tableNeedingColumns(const QStringList& paths) const;
  // The column mapping a file is read with (as `--map` writes it); empty to forget it.
  QString columnMapping(const QString& path) const;
  void setColumnMapping(const QString& path, const QString& mapping);

  // Database tables (postgresql:// URIs) are watched: when another client
  // changes one, the datasets are read again on a job of their own and
  // published as a new snapshot. A table whose server is gone is stale: it
  // keeps showing what was read last while its watcher reconnects.
  bool isStale(std::size_t dataset) const;
  // Why the dataset is stale; empty when it is not.
  QString staleReason(std::size_t dataset) const;
  // Reads the database datasets again now (and the files with them).
  void refreshDatabases();
  // A table over the load limit is read in part: which part, and its own
  // span and size; nullopt for a dataset read whole (files, smaller tables).
  std::optional<DatabaseWindow> databaseWindow(std::size_t dataset) const;
  // Reads another part of such a table (a span of days, and optionally an
  // extent), on the refresh job; the part stays chosen through later refreshes.
  void fetchDatabaseWindow(std::size_t dataset, const db::Query& query);
  bool isRefreshing() const { return m_refreshJob.isRunning(); }

  // The files opened lately, newest first (kept in the settings).
  static QStringList recentFiles();
  void rememberRecentFiles(const QStringList& paths);

  // Projects. The session saves and restores the datasets, their styles and
  // mappings; the window adds and applies the view, time, filters and selection.
  const QString& projectPath() const { return m_projectPath; }
  // A project of the open datasets, with nothing else set.
  Project project() const;
  bool saveProject(const QString& path, const Project& project, QString* error);
  // Reads the project and opens those of its datasets still on disk (the
  // missing ones are named in the notes). Ends with projectReady, the styles
  // applied and the project path set, or projectFailed, nothing changed.
  void openProject(const QString& path);

signals:
  // A new snapshot of the open datasets (styles already carried over).
  void datasetsChanged(const std::shared_ptr<const sv::IncidentLayerData>& incidents);
  // A dataset shown, hidden or recoloured; also right after every
  // datasetsChanged, so that a view may remake itself once, here.
  void stylesChanged(const std::vector<sv::DatasetStyle>& styles);
  void importStarted(const QStringList& paths);
  // An import ended: opened, failed (outcome.error) or cancelled; `message` says which.
  void importFinished(const sv::DatasetImportOutcome& outcome, const QString& message);
  // A project's datasets are open and styled: its view, time, filters and
  // selection are for the window to apply. `notes` lists what was left out.
  void projectReady(const sv::Project& project, const QStringList& notes);
  // `cancelled`: the user cancelled the import of its datasets.
  void projectFailed(const QString& message, bool cancelled);
  void projectPathChanged(const QString& path);
  // A database dataset lost its server (`stale`, with the reason) or has it back.
  void staleChanged(std::size_t dataset, bool stale, const QString& reason);
  // A refresh after a change in a database read the datasets again (`ok`), or failed and said why.
  void refreshFinished(bool ok, const QString& message);

private:
  void finishImport(DatasetImportOutcome outcome);
  void publish(std::shared_ptr<const IncidentLayerData> layer, const QStringList& paths);
  void applyStyles(const std::vector<Project::Dataset>& datasets);
  void setProjectPath(const QString& path);
  void watchDatabases();
  void scheduleRefresh();
  void finishRefresh(DatasetImportOutcome outcome, const QStringList& paths);
  void keepDatabaseWindows(const DatasetImportOutcome& outcome);

  MapContext m_context; // datasetColours and layers unused: the styles and m_layerSet are the truth
  MapLayerSet m_layerSet;
  std::vector<DatasetStyle> m_styles;
  QHash<QString, QString> m_mappings; // absolute path → column mapping
  QString m_projectPath;
  BackgroundJob m_importJob;
  BackgroundJob m_refreshJob;
  QTimer* m_refreshTimer = nullptr;                         // gathers a burst of changes into one refresh
  bool m_refreshAgain = false;                              // a change came while a refresh was running
  std::vector<std::unique_ptr<DatabaseWatcher>> m_watchers; // one per database dataset
  QHash<QString, QString> m_stale;                          // database URI → why it is stale
  QHash<QString, DatabaseWindow> m_databaseWindows;         // database URI → the part of it read
  QHash<QString, db::Query> m_chosenWindows;                // database URI → the part the user asked for
  struct PendingProject {
    QString path;
    Project project;
    QStringList notes;
  };
  std::optional<PendingProject> m_pendingProject; // applied when its datasets are open
};

} // namespace sv
