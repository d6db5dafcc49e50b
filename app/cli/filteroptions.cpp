#include "cli/filteroptions.h"

#include "domain/textfold.h"

#include <algorithm>

namespace sv {

// Turns --type names into a filter keeping any of the named types and
// sub-types (the store's masks narrow the search; TypeChoice::keeps decides).
bool typeFilter(const QStringList& names, IncidentFilter& filter, TypeChoice& choice, QString* error) {
  std::uint32_t types = 0;
  std::uint64_t subTypes = 0;
  for (const QString& value : names) {
    for (const QString& name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
      const std::string text = name.trimmed().toStdString();
      if (auto type = eventTypeFromName(text)) {
        types |= IncidentFilter::typeBit(*type);
      } else if (auto sub = subEventTypeFromName(text)) {
        subTypes |= IncidentFilter::subTypeBit(*sub);
      } else {
        *error = QStringLiteral("unknown --type '%1': not an ACLED event type or sub-event type").arg(name.trimmed());
        return false;
      }
    }
  }
  choice = {types, subTypes};
  if (types == 0 && subTypes == 0) return true;
  std::uint64_t allowedSubTypes = subTypes;
  std::uint32_t allowedTypes = types;
  for (int s = 0; s < kSubEventTypeCount; ++s) {
    const auto sub = static_cast<SubEventType>(s);
    const bool typeChosen = s == 0 ? types != 0 : (types & IncidentFilter::typeBit(parentType(sub))) != 0;
    if (typeChosen) allowedSubTypes |= IncidentFilter::subTypeBit(sub);
    if (s > 0 && (subTypes & IncidentFilter::subTypeBit(sub))) allowedTypes |= IncidentFilter::typeBit(parentType(sub));
  }
  filter.types = allowedTypes;
  filter.subTypes = allowedSubTypes;
  return true;
}

FilterOptions::FilterOptions()
    : m_type(QStringLiteral("type"), QString(), QStringLiteral("type")),
      m_actor(QStringLiteral("actor"), QString(), QStringLiteral("name")),
      m_minFatalities(QStringLiteral("min-fatalities"), QString(), QStringLiteral("n")),
      m_region(QStringLiteral("region"), QString(), QStringLiteral("name")),
      m_civilians(QStringLiteral("civilians"), QString(), QStringLiteral("yes|no")) {}

void FilterOptions::addTo(QCommandLineParser& parser) const {
  parser.addOptions({m_type, m_actor, m_minFatalities, m_region, m_civilians});
}

QString FilterOptions::helpText() {
  return QStringLiteral(
      "Filter options (as the window's filter panel):\n"
      "  --type TYPE            ACLED event or sub-event types, repeated or comma-separated\n"
      "  --actor NAME           incidents naming this actor in any role (repeatable;\n"
      "                         case and accents ignored)\n"
      "  --min-fatalities N     incidents whose reported figure is at least N\n"
      "  --region NAME          incidents in this region (Ségou, Mopti ...)\n"
      "  --civilians yes|no     only incidents targeting civilians, or only the others\n");
}

bool FilterOptions::build(const QCommandLineParser& parser, const EventStore& store, IncidentFilter& filter,
                          QString* error) const {
  TypeChoice choice;
  if (!typeFilter(parser.values(m_type), filter, choice, error)) return false;
  // Names are matched folded, against the store's own spellings.
  const auto findName = [&](const QString& name,
                            const std::vector<std::uint32_t>& candidates) -> std::optional<std::uint32_t> {
    const std::string key = foldText(name.trimmed().toStdString());
    for (std::uint32_t id : candidates)
      if (foldText(store.string(id)) == key) return id;
    return std::nullopt;
  };
  if (parser.isSet(m_actor)) {
    std::vector<std::uint32_t> actors;
    for (const auto& [id, count] : store.actorFrequencies()) actors.push_back(id);
    for (const QString& value : parser.values(m_actor)) {
      const auto id = findName(value, actors);
      if (!id) {
        *error = QStringLiteral("unknown --actor '%1': no incident of the dataset names it").arg(value);
        return false;
      }
      filter.actors.push_back(*id);
    }
    std::sort(filter.actors.begin(), filter.actors.end());
    filter.actors.erase(std::unique(filter.actors.begin(), filter.actors.end()), filter.actors.end());
  }
  if (parser.isSet(m_minFatalities)) {
    bool ok = false;
    const int n = parser.value(m_minFatalities).toInt(&ok);
    if (!ok || n < 0) {
      *error = QStringLiteral("bad --min-fatalities '%1': expected a whole number of at least 0")
                   .arg(parser.value(m_minFatalities));
      return false;
    }
    filter.minFatalities = n;
  }
  if (parser.isSet(m_region)) {
    const auto id = findName(parser.value(m_region), store.regions());
    if (!id) {
      *error = QStringLiteral("unknown --region '%1': no incident of the dataset is in it").arg(parser.value(m_region));
      return false;
    }
    filter.region = *id;
  }
  if (parser.isSet(m_civilians)) {
    const QString value = parser.value(m_civilians).toLower();
    if (value != QLatin1String("yes") && value != QLatin1String("no")) {
      *error = QStringLiteral("bad --civilians '%1': expected yes or no").arg(parser.value(m_civilians));
      return false;
    }
    filter.civilianTargeting = value == QLatin1String("yes");
  }
  return true;
}

} // namespace sv
