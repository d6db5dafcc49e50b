#include "application.h"

#include "commandline.h"
#include "geodatalocator.h"
#include "importcache.h"
#include "mainwindow.h"
#include "projectfile.h"

#include "io/basemapreader.h"
#include "io/gdalsupport.h"
#include "domain/placematching.h"
#include "io/importer.h"
#include "io/incidentdataset.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>

namespace sv {
namespace {

bool hasDisplay() {
  return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// PROJ can deadlock a process that forks while another thread is inside it,
// and without a session bus libdbus forks to look for one. Tell it there is none.
void disableMissingSessionBus() {
  if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
    qputenv("DBUS_SESSION_BUS_ADDRESS", "disabled:");
  }
}

// Headless commands pick the offscreen platform by themselves.
void useOffscreenPlatformWithoutDisplay() {
  if (!hasDisplay() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
}

int runWindow(int argc, char** argv, const QStringList& arguments) {
  QTextStream err(stderr);
  QStringList args = arguments;
  CommonOptions common;
  QString error;
  if (!takeCommonOptions(args, common, &error)) {
    err << programName() << ": " << error << "\n\n" << generalHelpText();
    return ExitUsage;
  }
  // Files named on their own: a project to open, or data to open in the
  // window once it shows (with a progress bar, the column-mapping dialog
  // when a table needs it, and the import report).
  QString project;
  QStringList files;
  for (const QString& arg : args) {
    const QFileInfo file(arg);
    if (arg.startsWith(QLatin1Char('-')) || !file.isFile()) {
      err << programName() << ": "
          << (arg.startsWith(QLatin1Char('-')) ? QStringLiteral("unknown option '%1'").arg(arg)
                                               : QStringLiteral("'%1' is neither a command nor a file").arg(arg))
          << "\n\n" << generalHelpText();
      return ExitUsage;
    }
    if (file.suffix().compare(QLatin1String(kProjectSuffix), Qt::CaseInsensitive) == 0) {
      if (!project.isEmpty()) {
        err << programName() << ": one project at a time ('" << project << "' and '" << arg << "')\n";
        return ExitUsage;
      }
      project = arg;
    } else {
      files << arg;
    }
  }
  if (!hasDisplay() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    err << programName() << ": no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
        << "Run it in a desktop session, or use '" << programName() << " export -o map.png' to render without one.\n";
    return ExitFailure;
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Situation Viewer"));
  QApplication::setApplicationVersion(QStringLiteral(SV_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("situation-viewer"));

  auto context = loadMapContext(geodataPath(common.geodataPath), &error);
  if (!context || !loadIncidents(*context, incidentsPaths(common.dataPaths), &error)) {
    err << programName() << ": " << error << "\n";
    return ExitFailure;
  }
  for (const QString& problem : context->incidentProblems) err << problem << "\n";
  MainWindow window(std::move(*context));
  window.show();
  if (!project.isEmpty()) window.openProject(project);
  if (!files.isEmpty()) window.openDatasets(files, common.dataPaths.isEmpty() ? MainWindow::OpenMode::Replace : MainWindow::OpenMode::Add);
  return QApplication::exec();
}

} // namespace

std::optional<MapContext> loadMapContext(const QString& path, QString* error) {
  std::string message;
  auto data = readBaseMap(path.toStdString(), &message);
  if (!data) {
    if (error) *error = QString::fromStdString(message);
    return std::nullopt;
  }
  auto projection = Projection::create(Projection::kDefaultCrs, &message);
  if (!projection) {
    if (error) *error = QString::fromStdString(message);
    return std::nullopt;
  }
  auto baseMap = BaseMap::build(std::move(*data), *projection);
  return MapContext{std::move(*projection), std::move(baseMap), nullptr, QString(), QStringList(), QStringList(), {}};
}

std::shared_ptr<const EventStore> combineStores(const std::vector<std::shared_ptr<const EventStore>>& stores,
                                                QString* error) {
  auto store = EventStore::combine(stores);
  if (!store && error)
    *error = QStringLiteral("more than %1 datasets open at once: close some first").arg(EventStore::kMaxDatasets);
  return store;
}

std::shared_ptr<const EventStore> loadIncidentStore(const QStringList& paths, QString* error, QStringList* problems,
                                                    const Gazetteer* gazetteer) {
  std::vector<std::shared_ptr<const EventStore>> stores;
  for (const QString& path : paths) {
    const std::string file = path.toStdString();
    ImportedDataset dataset = importDatasetCached(path, {}, gazetteer);
    const IncidentReadResult& read = dataset.report;
    if (!dataset.store) {
      if (error) *error = QString::fromStdString(read.error);
      return nullptr;
    }
    if (problems) {
      for (const RejectedRecord& rejected : read.rejected)
        *problems << QString::fromStdString(describeRejection(file, rejected, read.recordNoun));
      if (!read.rejected.empty()) {
        *problems << QStringLiteral("%1: %2 of %3 %4s rejected, %5 incidents read")
                         .arg(path, QString::number(read.rejected.size()), QString::number(read.recordsRead),
                              QString::fromStdString(read.recordNoun), QString::number(dataset.store->size()));
      }
    }
    stores.push_back(std::move(dataset.store));
  }
  return combineStores(stores, error);
}

bool loadIncidents(MapContext& context, const QStringList& paths, QString* error) {
  QStringList problems;
  auto store = loadIncidentStore(paths, error, &problems, &context.baseMap->gazetteer());
  if (!store) return false;
  context.incidents = IncidentLayerData::build(std::move(store), context.projection);
  context.incidentsPath = paths.join(QStringLiteral(", "));
  context.incidentProblems = problems;
  context.datasetPaths = paths;
  return true;
}

int runApplication(int argc, char** argv) {
  disableMissingSessionBus();
  registerGdalDrivers();

  QStringList arguments;
  for (int i = 1; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
  const QString command = arguments.isEmpty() ? QString() : arguments.first();

  QTextStream out(stdout);
  QTextStream err(stderr);
  if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
    out << generalHelpText();
    return ExitSuccess;
  }
  if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
    out << versionText() << "\n";
    return ExitSuccess;
  }
  if (command == QLatin1String("places")) {
    QCoreApplication app(argc, argv);
    return runPlacesCommand(arguments.mid(1), out, err);
  }
  if (command == QLatin1String("events")) {
    QCoreApplication app(argc, argv);
    return runEventsCommand(arguments.mid(1), out, err);
  }
  if (command == QLatin1String("import")) {
    QCoreApplication app(argc, argv);
    return runImportCommand(arguments.mid(1), out, err);
  }
  if (command == QLatin1String("history")) {
    // A GUI application: the PDF sheet draws text and a map.
    useOffscreenPlatformWithoutDisplay();
    QGuiApplication app(argc, argv);
    return runHistoryCommand(arguments.mid(1), out, err);
  }
  if (command == QLatin1String("export")) {
    useOffscreenPlatformWithoutDisplay();
    QGuiApplication app(argc, argv);
    return runExportCommand(arguments.mid(1), out, err);
  }
  if (command == QLatin1String("brief")) {
    useOffscreenPlatformWithoutDisplay();
    QGuiApplication app(argc, argv);
    return runBriefCommand(arguments.mid(1), out, err);
  }
  if (command == QLatin1String("animate")) {
    useOffscreenPlatformWithoutDisplay();
    QGuiApplication app(argc, argv);
    return runAnimateCommand(arguments.mid(1), out, err);
  }
  // A file named first opens in the window (a project, or data); anything else is a mistyped command.
  if (!command.isEmpty() && !command.startsWith(QLatin1Char('-')) && !QFileInfo(command).isFile()) {
    err << programName() << ": unknown command '" << command << "'\n\n" << generalHelpText();
    return ExitUsage;
  }
  return runWindow(argc, argv, arguments);
}

} // namespace sv
