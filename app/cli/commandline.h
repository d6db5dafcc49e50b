#pragma once

#include "domain/gazetteer.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QCommandLineParser;
class QTextStream;

namespace sv {

// Exit statuses of every command.
enum ExitStatus : int { ExitSuccess = 0, ExitFailure = 1, ExitUsage = 2 };

QString programName();
QString versionText();
QString generalHelpText();

// "1920x1080" -> QSize; nullopt for anything else or sizes outside 16..16384.
std::optional<QSize> parseImageSize(const QString& text);

// Options common to every command, removed from `arguments` when found.
struct CommonOptions {
  QString geodataPath;   // --geodata FILE; empty for the bundled file
  QStringList dataPaths; // --data FILE, repeatable, any format importIncidents reads; empty for the bundled dataset
};
// Takes --geodata and every --data out of `arguments`. Returns false with
// `error` set on a missing value.
bool takeCommonOptions(QStringList& arguments, CommonOptions& options, QString* error);
// Takes every `NAME VALUE` and `NAME=VALUE` of `names` out of `arguments`,
// in order, handing each to `take`. False with `error` ("--layer needs a
// value", `valueNoun` naming what is needed) on a missing value.
bool takeValueOptions(QStringList& arguments, const QStringList& names,
                      const std::function<void(const QString& name, const QString& value)>& take, QString* error,
                      const QString& valueNoun = QStringLiteral("a value"));

// The gazetteer of --geodata (or the bundled geodata), for matching imported
// places; nullopt with `error` naming the file when it cannot be read.
std::optional<Gazetteer> loadGazetteer(const CommonOptions& options, QString* error);

// The start every command shares: takes the common options out of `arguments`,
// adds -h/--help to `parser` (which holds the command's own options), parses,
// and answers --help or a usage error. Returns the exit status when the command
// is already done, nullopt when it should go on. Positional arguments are a
// usage error unless `positionalAllowed`.
std::optional<int> startCommand(const QString& command, const QStringList& arguments, QCommandLineParser& parser,
                                const QString& help, bool positionalAllowed, CommonOptions& common, QTextStream& out,
                                QTextStream& err);

int runPlacesCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
int runExportCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
// `brief`: a PDF briefing sheet, the map then the incidents it shows.
int runBriefCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
// `animate`: a sequence of compositions as PNG frames, MP4 or GIF.
int runAnimateCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
int runEventsCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
// `history PLACE`: a place's incidents, oldest first, with sources and a summary.
int runHistoryCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
// `import FILE…`: reads exports into our dataset format, with a report of what was rejected.
int runImportCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
// `db init URI`, `db push URI --data FILE…`: a shared PostGIS database.
int runDbCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
// Commands ask for a database password on the terminal (or take it from the keychain).
void useTerminalPasswordPrompt();

} // namespace sv
