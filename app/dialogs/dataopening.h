#pragma once

#include "session/session.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QWidget;

namespace sv {

class ImportReportDialog;

// The steps of opening data that ask the user, around the session's import:
// the file dialogs, the column-mapping dialog for a table the viewer cannot
// read by itself, the progress dialog with Cancel, the message when a file
// cannot be read and the import report. The session does the reading; the
// window owns one of these and shows its messages in the status bar.
class DataOpening : public QObject {
  Q_OBJECT

public:
  DataOpening(Session& session, QWidget* window);

  using OpenMode = Session::OpenMode;
  // Opens files beside the datasets shown (Add) or instead of them (Replace).
  void openDatasets(const QStringList& paths, OpenMode mode);
  void openWithDialog(OpenMode mode);
  // A PostGIS table, through the connection dialog; added beside the datasets shown.
  void openDatabase();
  // Any table, with its columns chosen by hand whatever the viewer would guess.
  void openWithColumnMapping();
  // The last import's report, while it is open.
  ImportReportDialog* importReport() const;

signals:
  // An import ended, or did not start: `opened` false when it failed or was cancelled.
  void importFinished(bool opened, const QString& message);
  void statusMessage(const QString& message, int timeoutMs);

private:
  void showProgress(const QStringList& paths);
  void showOutcome(const DatasetImportOutcome& outcome, const QString& message);
  void askColumnMapping(const QString& path, const QStringList& paths, OpenMode mode, TablePreview preview);
  // Takes passwords for the databases among `paths` from the keychain, where one is stored.
  void lookUpPasswords(const QStringList& paths);
  void keepPassword(const QString& uri, const QString& password, bool inKeychain);

  Session& m_session;
  QWidget* m_window;
  QPointer<QProgressDialog> m_progress;
  QPointer<ImportReportDialog> m_report;
  QStringList m_openingPaths; // what the running import opens, to try again with a password
  OpenMode m_openingMode = OpenMode::Add;
};

} // namespace sv
