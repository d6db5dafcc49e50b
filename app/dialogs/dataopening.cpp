#include "dialogs/dataopening.h"

#include "dialogs/columnmappingdialog.h"
#include "dialogs/databasedialog.h"
#include "dialogs/importreportdialog.h"
#include "session/databasesource.h"
#include "session/keychain.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>

#include <algorithm>
#include <utility>

namespace sv {

DataOpening::DataOpening(Session& session, QWidget* window) : QObject(window), m_session(session), m_window(window) {
  connect(&m_session, &Session::importStarted, this, &DataOpening::showProgress);
  connect(&m_session, &Session::importFinished, this, &DataOpening::showOutcome);
}

ImportReportDialog* DataOpening::importReport() const { return m_report.data(); }

void DataOpening::openWithDialog(OpenMode mode) {
  const QStringList paths = QFileDialog::getOpenFileNames(
      m_window, mode == OpenMode::Add ? tr("Add Incident Data") : tr("Open Incident Data"), QString(),
      tr("Incident data (*.csv *.tsv *.txt *.geojson *.json *.svstore *.gpkg *.kml *.kmz *.fgb *.shp);;"
         "ACLED or UCDP export, delimited text (*.csv *.tsv *.txt);;"
         "Situation Viewer large dataset (*.svstore);;"
         "GeoJSON, GeoPackage, KML, FlatGeobuf, Shapefile (*.geojson *.json *.gpkg *.kml *.kmz *.fgb *.shp);;"
         "All files (*)"));
  if (!paths.isEmpty()) openDatasets(paths, mode);
}

void DataOpening::openDatasets(const QStringList& paths, OpenMode mode) {
  if (paths.isEmpty()) return;
  if (m_session.isImporting()) {
    emit statusMessage(tr("An import is already running"), 5000);
    return;
  }
  // Tables the viewer cannot read by itself ask for their columns first, one at a time.
  if (auto table = m_session.tableNeedingColumns(paths)) {
    askColumnMapping(table->first, paths, mode, std::move(table->second));
    return;
  }
  lookUpPasswords(paths);
  m_openingPaths = paths;
  m_openingMode = mode;
  m_session.openDatasets(paths, mode);
}

void DataOpening::openDatabase() {
  DatabaseDialog dialog(m_window);
  if (dialog.exec() != QDialog::Accepted) return;
  if (!dialog.password().isEmpty()) keepPassword(dialog.uri(), dialog.password(), dialog.rememberPassword());
  openDatasets({dialog.uri()}, OpenMode::Add);
}

void DataOpening::lookUpPasswords(const QStringList& paths) {
  for (const QString& path : paths) {
    if (!isDatabaseUri(path) || !DatabasePasswords::find(path).isEmpty()) continue;
    if (db::Error error; db::parseLocation(path.toStdString(), &error) && path != withoutPassword(path)) continue;
    const KeychainResult stored = readKeychainPassword(withoutPassword(path));
    if (stored.password) DatabasePasswords::remember(path, *stored.password);
  }
}

void DataOpening::keepPassword(const QString& uri, const QString& password, bool inKeychain) {
  DatabasePasswords::remember(uri, password);
  if (!inKeychain) return;
  const KeychainResult stored = storeKeychainPassword(withoutPassword(uri), password);
  if (!stored.password)
    emit statusMessage(tr("Password not stored: %1; it is kept until the viewer closes").arg(stored.problem), 10000);
}

void DataOpening::openWithColumnMapping() {
  const QString path = QFileDialog::getOpenFileName(
      m_window, tr("Add Data with Column Mapping"), QString(),
      tr("Tables (*.csv *.tsv *.txt *.geojson *.json *.gpkg *.kml *.fgb *.shp);;All files (*)"));
  if (path.isEmpty()) return;
  std::string error;
  auto preview = previewTable(path.toStdString(), 20, &error);
  if (!preview) {
    QMessageBox::warning(m_window, tr("Cannot Open Data"), QString::fromStdString(error));
    return;
  }
  m_session.setColumnMapping(path, {});
  askColumnMapping(path, {path}, OpenMode::Add, std::move(*preview));
}

void DataOpening::askColumnMapping(const QString& path, const QStringList& paths, OpenMode mode, TablePreview preview) {
  auto* dialog = new ColumnMappingDialog(path, std::move(preview), m_window);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, paths, mode] {
    m_session.setColumnMapping(dialog->path(), QString::fromStdString(dialog->mapping().describe()));
    openDatasets(paths, mode);
  });
  connect(dialog, &QDialog::rejected, this, [this, path] {
    const QString message = tr("%1 not opened: no columns chosen").arg(QFileInfo(path).fileName());
    emit statusMessage(message, 8000);
    emit importFinished(false, message);
  });
  dialog->open();
}

void DataOpening::showProgress(const QStringList& paths) {
  if (m_progress) m_progress->deleteLater();
  m_progress = new QProgressDialog(
      tr("Reading %1…")
          .arg(isDatabaseUri(paths.first()) ? withoutPassword(paths.first()) : QFileInfo(paths.first()).fileName()),
      tr("Cancel"), 0, 1000, m_window);
  m_progress->setWindowTitle(tr("Opening Data"));
  m_progress->setMinimumDuration(400);
  m_progress->setAutoClose(false);
  m_progress->setAutoReset(false);
  connect(m_progress, &QProgressDialog::canceled, &m_session, &Session::cancelImport);
  connect(&m_session.importJob(), &BackgroundJob::progressChanged, m_progress,
          [progress = m_progress.data()](double fraction) {
            // A cancelled dialog is hidden: the job's last report must not show it again.
            if (!progress->wasCanceled()) progress->setValue(static_cast<int>(fraction * 1000.0));
          });
}

void DataOpening::showOutcome(const DatasetImportOutcome& outcome, const QString& message) {
  if (m_progress) m_progress->deleteLater();
  if (outcome.cancelled) {
    emit statusMessage(message, 8000);
    emit importFinished(false, message);
    return;
  }
  if (!outcome.ok) {
    // A database that wants a password: ask, then try the same opening again.
    if (!outcome.passwordNeededFor.isEmpty() && !outcome.forProject) {
      const QString uri = outcome.passwordNeededFor;
      const auto answer = DatabaseDialog::askPassword(uri, message, m_window);
      if (answer) {
        keepPassword(uri, answer->password, answer->remember);
        // Without the password a URI may carry: the one typed now is used.
        QStringList paths;
        for (const QString& path : m_openingPaths) paths << withoutPassword(path);
        QMetaObject::invokeMethod(
            this, [this, paths, mode = m_openingMode] { openDatasets(paths, mode); }, Qt::QueuedConnection);
        return;
      }
      const QString refused = tr("%1 not opened: no password given").arg(uri);
      emit statusMessage(refused, 8000);
      emit importFinished(false, refused);
      return;
    }
    // A project's failure is said by the window, with the project's name.
    if (!outcome.forProject) {
      auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Data"),
                                  tr("%1\n\nThe data shown is unchanged.").arg(message), QMessageBox::Ok, m_window);
      if (message.contains(QLatin1String("--map")))
        box->setInformativeText(tr("Choose the columns with File → Add Data with Column Mapping…"));
      box->setAttribute(Qt::WA_DeleteOnClose);
      box->open();
    }
    emit importFinished(false, message);
    return;
  }
  if (m_report) m_report->deleteLater();
  m_report = new ImportReportDialog(outcome.reports, m_window);
  m_report->setAttribute(Qt::WA_DeleteOnClose);
  // A project reopening its data brings the report up only when rows were rejected.
  const bool rejected = std::any_of(outcome.reports.begin(), outcome.reports.end(),
                                    [](const FileImportReport& r) { return !r.result.rejected.empty(); });
  if (!outcome.forProject || rejected) {
    m_report->show();
    m_report->raise();
    m_report->activateWindow(); // so that Escape closes it
  }
  emit statusMessage(message, 8000);
  emit importFinished(true, message);
}

} // namespace sv
