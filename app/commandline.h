#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

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
  QString geodataPath; // --geodata FILE; empty for the bundled file
  QString dataPath;    // --data FILE; empty for the bundled incident dataset
};
// Takes --geodata and --data out of `arguments`. Returns false with `error`
// set on a missing value.
bool takeCommonOptions(QStringList& arguments, CommonOptions& options, QString* error);

int runPlacesCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
int runExportCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);
int runEventsCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace sv
