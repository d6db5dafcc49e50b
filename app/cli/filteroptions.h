#pragma once

#include "domain/eventstore.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace sv {

// The event types and sub-types named by --type options.
struct TypeChoice {
  std::uint32_t types = 0;    // event types named
  std::uint64_t subTypes = 0; // sub-event types named
  bool keeps(EventType type, SubEventType subType) const {
    if (types == 0 && subTypes == 0) return true;
    return (types & IncidentFilter::typeBit(type)) ||
           (subTypes & IncidentFilter::subTypeBit(subType) && subType != SubEventType::Unspecified);
  }
};

// Turns --type names (repeated or comma-separated ACLED event or sub-event
// types) into a filter keeping any of the named types and sub-types (the
// store's masks narrow the search; TypeChoice::keeps decides exactly).
bool typeFilter(const QStringList& names, IncidentFilter& filter, TypeChoice& choice, QString* error);

// The filter vocabulary of `export`, `brief` and `animate`, the command-line
// face of the window's filter panel:
//   --type TYPE (repeatable), --actor NAME (repeatable), --min-fatalities N,
//   --region NAME, --civilians yes|no
class FilterOptions {
public:
  FilterOptions();
  void addTo(QCommandLineParser& parser) const;
  // Builds the filter against the store's names; false with `error` naming
  // the option and value when a name is unknown or a value malformed.
  bool build(const QCommandLineParser& parser, const EventStore& store, IncidentFilter& filter, QString* error) const;
  static QString helpText();

private:
  QCommandLineOption m_type, m_actor, m_minFatalities, m_region, m_civilians;
};

} // namespace sv
