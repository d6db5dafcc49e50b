#include "application.h"

#include "cli/commandline.h"
#include "mainwindow.h"
#include "session/databasesource.h"
#include "session/geodatalocator.h"
#include "session/mapcontext.h"
#include "session/projectfile.h"
#include "session/session.h"
#include "widgets/mapcanvas.h"

#include "io/gdalsupport.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>

namespace sv {
namespace {

bool hasDisplay() { return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"); }

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
  QElapsedTimer started;
  started.start();
  QTextStream err(stderr);
  QStringList args = arguments;
  CommonOptions common;
  QString error;
  if (!takeCommonOptions(args, common, &error)) {
    err << programName() << ": " << error << "\n\n" << generalHelpText();
    return ExitUsage;
  }
  // The layers under the incidents, as export takes them.
  QString baseMap;
  QStringList contextLayers;
  if (!takeValueOptions(
          args, {QStringLiteral("--basemap"), QStringLiteral("--layer")},
          [&](const QString& name, const QString& value) {
            if (name == QLatin1String("--basemap"))
              baseMap = value;
            else
              contextLayers << value;
          },
          &error)) {
    err << programName() << ": " << error << "\n";
    return ExitUsage;
  }
  // Files named on their own: a project to open, or data to open in the
  // window once it shows (with a progress bar, the column-mapping dialog
  // when a table needs it, and the import report).
  QString project;
  QStringList files;
  for (const QString& arg : args) {
    const QFileInfo file(arg);
    if (isDatabaseUri(arg)) {
      files << arg;
      continue;
    }
    if (arg.startsWith(QLatin1Char('-')) || !file.isFile()) {
      err << programName() << ": "
          << (arg.startsWith(QLatin1Char('-')) ? QStringLiteral("unknown option '%1'").arg(arg)
                                               : QStringLiteral("'%1' is neither a command nor a file").arg(arg))
          << "\n\n"
          << generalHelpText();
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

  // Files load before the window shows; databases open once it is up, on
  // the import job, so that a server slow or down never holds the window
  // and the local data stays usable whatever the server does.
  QStringList localData, databases;
  for (const QString& path : common.dataPaths) (isDatabaseUri(path) ? databases : localData) << path;
  auto context = loadMapContext(geodataPath(common.geodataPath), &error);
  if (!context || !loadIncidents(*context, incidentsPaths(localData), &error)) {
    err << programName() << ": " << error << "\n";
    return ExitFailure;
  }
  for (const QString& problem : context->incidentProblems) err << problem << "\n";
  // From here on the window asks, with a dialog, on the GUI thread.
  setPasswordPrompt({});
  Session session(std::move(*context));
  if (!baseMap.isEmpty() && !session.mapLayers().setBaseMap(baseMap, &error)) {
    err << programName() << ": --basemap " << error << "\n";
    return ExitFailure;
  }
  MainWindow window(session);
  for (const QString& layer : contextLayers) session.mapLayers().addContextLayer(layer);
  const QStringList toOpen = databases + files;
  // For measuring start-up (tests/bench/compare, dbscale): quit once the
  // first whole frame of the data asked for is on the widget, saying when.
  if (qEnvironmentVariableIntValue("SITUATION_VIEWER_EXIT_AFTER_FIRST_FRAME") == 1) {
    auto opening = std::make_shared<bool>(!toOpen.isEmpty());
    QObject::connect(&session, &Session::importFinished, &app, [opening] { *opening = false; });
    QObject::connect(window.canvas(), &MapCanvas::framePainted, &app, [started, opening, &window] {
      if (*opening || window.canvas()->isRenderPending()) return;
      QTextStream(stderr) << "first frame painted " << started.elapsed() << " ms after the window started loading\n";
      QCoreApplication::exit(0);
    });
  }
  window.show();
  if (!project.isEmpty()) window.openProject(project);
  // Without local --data, what is named replaces the bundled dataset (which
  // stays shown if it cannot be opened); with it, it is added.
  if (!toOpen.isEmpty())
    window.openDatasets(toOpen, localData.isEmpty() ? MainWindow::OpenMode::Replace : MainWindow::OpenMode::Add);
  return QApplication::exec();
}

} // namespace

namespace {

int dispatch(int argc, char** argv);

} // namespace

// An exception that escapes a command is a fault of ours, but it must not
// abort the program: it exits with status 1 and says why.
int runApplication(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& exception) {
    QTextStream(stderr) << programName() << ": internal error: " << exception.what() << "\n";
  } catch (...) {
    QTextStream(stderr) << programName() << ": internal error\n";
  }
  return ExitFailure;
}

namespace {

int dispatch(int argc, char** argv) {
  disableMissingSessionBus();
  registerGdalDrivers();
  // A database asking for a password while a command (or the window's first
  // --data) loads is answered from the keychain or the terminal.
  useTerminalPasswordPrompt();

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
  if (command == QLatin1String("db")) {
    QCoreApplication app(argc, argv);
    return runDbCommand(arguments.mid(1), out, err);
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
  if (!command.isEmpty() && !command.startsWith(QLatin1Char('-')) && !QFileInfo(command).isFile() &&
      !isDatabaseUri(command)) {
    err << programName() << ": unknown command '" << command << "'\n\n" << generalHelpText();
    return ExitUsage;
  }
  return runWindow(argc, argv, arguments);
}

} // namespace

} // namespace sv
