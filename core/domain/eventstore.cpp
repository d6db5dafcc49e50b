#include "domain/eventstore.h"

#include "geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace sv {

namespace {

constexpr double kCellDegrees = 0.25;
constexpr double kDegree = 3.14159265358979323846 / 180.0;
constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84E2 = 0.00669437999014;
// Radius queries up to this radius use the local approximation, exact within this band.
constexpr double kLocalRadius = 100000.0;
constexpr double kLocalBand = 0.01;
// ... and only up to this latitude, where its error stays under 0.5 % at 100 km.
constexpr double kLocalMaxLatitude = 60.0;
constexpr double kMetresPerDegreeLatitude = 110574.0; // the smallest value, at the equator
// Histogram prefix counts are kept for datasets spanning up to this many days.
constexpr DayNumber kMaxPrefixDays = 200 * 366;

std::uint32_t cellKey(double longitude, double latitude) {
  const auto row = static_cast<std::uint32_t>(std::clamp(std::floor((latitude + 90.0) / kCellDegrees), 0.0, 719.0));
  const auto column =
      static_cast<std::uint32_t>(std::clamp(std::floor((longitude + 180.0) / kCellDegrees), 0.0, 1439.0));
  return row << 16 | column;
}

} // namespace

// --- StringPool, TextColumn ---------------------------------------------------

std::uint32_t StringPool::intern(std::string_view text) {
  auto it = m_ids.find(std::string(text));
  if (it != m_ids.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(m_strings.size());
  m_strings.emplace_back(text);
  m_ids.emplace(m_strings.back(), id);
  return id;
}

std::optional<std::uint32_t> StringPool::find(std::string_view text) const {
  auto it = m_ids.find(std::string(text));
  if (it == m_ids.end()) return std::nullopt;
  return it->second;
}

void TextColumn::push_back(std::string_view text) {
  m_bytes.append(text);
  m_offsets.push_back(m_bytes.size());
}

std::uint32_t Histogram::total(std::size_t bin) const {
  std::uint32_t sum = 0;
  for (std::uint32_t count : counts[bin]) sum += count;
  return sum;
}

// --- Building -----------------------------------------------------------------

DatasetInfo combinedDatasetInfo(const std::vector<DatasetInfo>& datasets) {
  if (datasets.size() == 1) return datasets.front();
  const auto join = [&](std::string DatasetInfo::*member, const char* separator) {
    std::string text;
    for (const DatasetInfo& d : datasets) {
      const std::string& part = d.*member;
      if (part.empty() || text.find(part) != std::string::npos) continue;
      if (!text.empty()) text.append(separator);
      text.append(part);
    }
    return text;
  };
  DatasetInfo info;
  info.name = join(&DatasetInfo::name, " + ");
  info.title = join(&DatasetInfo::title, " + ");
  info.description = join(&DatasetInfo::description, " ");
  info.compiled = join(&DatasetInfo::compiled, ", ");
  info.licence = join(&DatasetInfo::licence, " ");
  return info;
}

std::shared_ptr<const EventStore> EventStore::build(std::vector<Incident> incidents, DatasetInfo info) {
  std::vector<DatasetInfo> datasets;
  datasets.push_back(std::move(info));
  return build(std::move(incidents), std::vector<std::uint8_t>(), std::move(datasets));
}

std::shared_ptr<const EventStore> EventStore::combine(const std::vector<std::shared_ptr<const EventStore>>& stores) {
  if (stores.size() == 1) return stores.front();
  std::vector<DatasetInfo> datasets;
  std::size_t total = 0;
  for (const auto& store : stores) {
    datasets.insert(datasets.end(), store->m_datasets.begin(), store->m_datasets.end());
    total += store->size();
  }
  if (datasets.size() > kMaxDatasets) return nullptr;
  std::vector<Incident> incidents;
  std::vector<std::uint8_t> datasetOf;
  incidents.reserve(total);
  datasetOf.reserve(total);
  std::size_t first = 0; // the first dataset of the store being copied
  for (const auto& store : stores) {
    for (Index i = 0; i < store->size(); ++i) {
      incidents.push_back(store->incident(i));
      datasetOf.push_back(static_cast<std::uint8_t>(first + store->m_dataset[i]));
    }
    first += store->m_datasets.size();
  }
  return build(std::move(incidents), std::move(datasetOf), std::move(datasets));
}

// `datasetOf` gives each incident's dataset (empty: all in the first).
std::shared_ptr<const EventStore> EventStore::build(std::vector<Incident> incidents,
                                                    std::vector<std::uint8_t> datasetOf,
                                                    std::vector<DatasetInfo> datasets) {
  auto store = std::make_shared<EventStore>();
  EventStore& s = *store;
  s.m_info = combinedDatasetInfo(datasets);
  s.m_datasets = std::move(datasets);
  if (datasetOf.empty()) datasetOf.assign(incidents.size(), 0);

  std::vector<std::uint32_t> order(incidents.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Incident& x = incidents[a];
    const Incident& y = incidents[b];
    return std::tie(x.start, x.end, x.id) < std::tie(y.start, y.end, y.id);
  });

  const std::size_t n = incidents.size();
  s.m_start.reserve(n);
  s.m_end.reserve(n);
  s.m_datePrecision.reserve(n);
  s.m_type.reserve(n);
  s.m_subType.reserve(n);
  s.m_locationPrecision.reserve(n);
  s.m_flags.reserve(n);
  s.m_dataset.reserve(n);
  s.m_fatalitiesLow.reserve(n);
  s.m_fatalitiesHigh.reserve(n);
  s.m_fatalitiesEstimate.reserve(n);
  s.m_longitude.reserve(n);
  s.m_latitude.reserve(n);
  s.m_geonameId.reserve(n);
  s.m_shape.reserve(n);
  s.m_place.reserve(n);
  s.m_region.reserve(n);
  s.m_cercle.reserve(n);
  s.m_actorOffsets.reserve(n + 1);
  s.m_sourceOffsets.reserve(n + 1);
  s.m_strings.intern(""); // id 0 is the empty string

  for (std::uint32_t k : order) {
    Incident& incident = incidents[k];
    // Readers validate; a record built in code with its span reversed still keeps the store sound.
    if (incident.end < incident.start) incident.end = incident.start;
    if (incident.subType != SubEventType::Unspecified && parentType(incident.subType) != incident.type)
      incident.subType = SubEventType::Unspecified;
    s.m_ids.push_back(incident.id);
    s.m_summaries.push_back(incident.summary);
    s.m_notes.push_back(incident.locationNote);
    s.m_start.push_back(incident.start);
    s.m_end.push_back(incident.end);
    s.m_datePrecision.push_back(static_cast<std::uint8_t>(incident.datePrecision));
    s.m_type.push_back(static_cast<std::uint8_t>(incident.type));
    s.m_subType.push_back(static_cast<std::uint8_t>(incident.subType));
    s.m_locationPrecision.push_back(static_cast<std::uint8_t>(incident.locationPrecision));
    s.m_flags.push_back(static_cast<std::uint8_t>((incident.fatalities.reported ? kReportedFlag : 0) |
                                                  (incident.civilianTargeting ? kCivilianFlag : 0)));
    s.m_dataset.push_back(datasetOf[k]);
    s.m_fatalitiesLow.push_back(incident.fatalities.low.value_or(-1));
    s.m_fatalitiesHigh.push_back(incident.fatalities.high.value_or(-1));
    s.m_fatalitiesEstimate.push_back(incident.fatalities.estimate.value_or(-1));
    s.m_maxFatalities = std::max(s.m_maxFatalities, incident.fatalities.best());
    s.m_longitude.push_back(incident.longitude);
    s.m_latitude.push_back(incident.latitude);
    s.m_geonameId.push_back(incident.geonameId.value_or(-1));
    const Index index = static_cast<Index>(s.m_start.size() - 1);
    PlaceShape shape = incident.shape;
    if ((shape == PlaceShape::Line || shape == PlaceShape::Area) && incident.shapeParts.empty())
      shape = PlaceShape::Point;
    s.m_shape.push_back(static_cast<std::uint8_t>(shape));
    if (shape == PlaceShape::Line || shape == PlaceShape::Area) {
      s.m_shaped.push_back(index);
      for (const LineString& part : incident.shapeParts) {
        s.m_shapePoints.insert(s.m_shapePoints.end(), part.begin(), part.end());
        s.m_partEnds.push_back(static_cast<std::uint32_t>(s.m_shapePoints.size()));
      }
      s.m_shapedFirstPart.push_back(static_cast<std::uint32_t>(s.m_partEnds.size()));
    }
    if (!incident.partOf.empty()) s.m_partOf.emplace_back(index, s.m_strings.intern(incident.partOf));
    s.m_place.push_back(s.m_strings.intern(incident.place));
    s.m_region.push_back(s.m_strings.intern(incident.region));
    s.m_cercle.push_back(s.m_strings.intern(incident.cercle));

    auto addActors = [&](const std::vector<std::string>& names, ActorRole role) {
      for (const std::string& name : names) s.m_actorRefs.push_back({s.m_strings.intern(name), role});
    };
    addActors(incident.actors.primary, ActorRole::Primary);
    addActors(incident.actors.secondary, ActorRole::Secondary);
    addActors(incident.actors.associated, ActorRole::Associated);
    s.m_actorOffsets.push_back(static_cast<std::uint32_t>(s.m_actorRefs.size()));

    for (const Source& source : incident.sources) {
      s.m_sources.push_back({s.m_strings.intern(source.document), s.m_strings.intern(source.title),
                             s.m_strings.intern(source.publisher), s.m_strings.intern(source.date),
                             s.m_strings.intern(source.url)});
      s.m_passages.push_back(source.passage);
    }
    s.m_sourceOffsets.push_back(static_cast<std::uint32_t>(s.m_sources.size()));
    incident = Incident{}; // release the record's memory as we go
  }

  if (n > 0) {
    s.m_firstDay = s.m_start.front();
    s.m_lastDay = *std::max_element(s.m_end.begin(), s.m_end.end());
  }

  s.m_byId.resize(n);
  std::iota(s.m_byId.begin(), s.m_byId.end(), 0u);
  std::sort(s.m_byId.begin(), s.m_byId.end(), [&](Index a, Index b) { return s.id(a) < s.id(b); });
  // Aggregates: the records a part of the same dataset names.
  for (const auto& [part, aggregateId] : s.m_partOf) {
    const std::string_view wanted = s.m_strings.at(aggregateId);
    auto it = std::lower_bound(s.m_byId.begin(), s.m_byId.end(), wanted,
                               [&](Index i, std::string_view v) { return s.id(i) < v; });
    for (; it != s.m_byId.end() && s.id(*it) == wanted; ++it)
      if (s.m_dataset[*it] == s.m_dataset[part] && *it != part) s.m_flags[*it] |= kAggregateFlag;
  }

  s.m_byPlace.reserve(n);
  s.m_byCell.reserve(n);
  for (Index i = 0; i < n; ++i) {
    if (s.m_geonameId[i] >= 0) s.m_byPlace.emplace_back(s.m_geonameId[i], i);
    if (s.isPlaced(i)) s.m_byCell.emplace_back(cellKey(s.m_longitude[i], s.m_latitude[i]), i);
  }
  std::sort(s.m_byPlace.begin(), s.m_byPlace.end());
  std::sort(s.m_byCell.begin(), s.m_byCell.end());

  s.buildIntervalTree();
  s.buildHistogramPrefixes();
  return store;
}

// A centred interval tree over the incidents lasting more than one day. Each
// node keeps the intervals containing its centre, sorted by start and by end;
// a stabbing query walks one root-to-leaf path and reads only hits.
void EventStore::buildIntervalTree() {
  std::vector<Index> intervals;
  for (Index i = 0; i < size(); ++i)
    if (m_end[i] > m_start[i]) intervals.push_back(i);
  m_treeByStart.reserve(intervals.size());
  m_treeByEnd.reserve(intervals.size());
  m_treeRoot = buildNode(intervals);
}

std::int32_t EventStore::buildNode(std::vector<Index>& intervals) {
  if (intervals.empty()) return -1;
  std::vector<DayNumber> endpoints;
  endpoints.reserve(intervals.size() * 2);
  for (Index i : intervals) {
    endpoints.push_back(m_start[i]);
    endpoints.push_back(m_end[i]);
  }
  auto middle = endpoints.begin() + static_cast<std::ptrdiff_t>(endpoints.size() / 2);
  std::nth_element(endpoints.begin(), middle, endpoints.end());
  const DayNumber center = *middle;

  std::vector<Index> left, right, here;
  for (Index i : intervals) {
    if (m_end[i] < center)
      left.push_back(i);
    else if (m_start[i] > center)
      right.push_back(i);
    else
      here.push_back(i);
  }
  intervals.clear();
  intervals.shrink_to_fit();

  TreeNode node;
  node.center = center;
  node.begin = static_cast<std::uint32_t>(m_treeByStart.size());
  node.count = static_cast<std::uint32_t>(here.size());
  std::sort(here.begin(), here.end(),
            [&](Index a, Index b) { return m_start[a] < m_start[b] || (m_start[a] == m_start[b] && a < b); });
  m_treeByStart.insert(m_treeByStart.end(), here.begin(), here.end());
  std::sort(here.begin(), here.end(),
            [&](Index a, Index b) { return m_end[a] > m_end[b] || (m_end[a] == m_end[b] && a < b); });
  m_treeByEnd.insert(m_treeByEnd.end(), here.begin(), here.end());

  const auto index = static_cast<std::int32_t>(m_tree.size());
  m_tree.push_back(node);
  const std::int32_t l = buildNode(left);
  const std::int32_t r = buildNode(right);
  m_tree[static_cast<std::size_t>(index)].left = l;
  m_tree[static_cast<std::size_t>(index)].right = r;
  return index;
}

void EventStore::buildHistogramPrefixes() {
  if (empty() || m_lastDay - m_firstDay > kMaxPrefixDays) return;
  const auto days = static_cast<std::size_t>(m_lastDay - m_firstDay + 2);
  const std::size_t categories = kHistogramCategories * m_datasets.size();
  m_startsUpTo.assign(categories, {});
  m_endsBefore.assign(categories, {});
  std::vector<bool> used(categories, false);
  for (Index i = 0; i < size(); ++i)
    if (!isAggregate(i)) used[histogramCategory(i)] = true;
  for (std::size_t s = 0; s < categories; ++s) {
    if (!used[s]) continue;
    m_startsUpTo[s].assign(days, 0);
    m_endsBefore[s].assign(days, 0);
  }
  for (Index i = 0; i < size(); ++i) {
    if (isAggregate(i)) continue;
    const std::size_t s = histogramCategory(i);
    ++m_startsUpTo[s][static_cast<std::size_t>(m_start[i] - m_firstDay)];
    ++m_endsBefore[s][static_cast<std::size_t>(m_end[i] - m_firstDay + 1)];
  }
  for (std::size_t s = 0; s < categories; ++s) {
    if (!used[s]) continue;
    std::partial_sum(m_startsUpTo[s].begin(), m_startsUpTo[s].end(), m_startsUpTo[s].begin());
    std::partial_sum(m_endsBefore[s].begin(), m_endsBefore[s].end(), m_endsBefore[s].begin());
  }
  m_hasPrefixes = true;
}

// Prefix counts are kept per dataset and sub-type, and per dataset and type for
// incidents without a sub-type.
std::size_t EventStore::histogramCategory(Index i) const {
  const std::size_t category =
      m_subType[i] != 0 ? m_subType[i] : kSubEventTypeCount + static_cast<std::size_t>(m_type[i]);
  return m_dataset[i] * kHistogramCategories + category;
}

std::uint32_t EventStore::prefixStartsUpTo(std::size_t category, DayNumber day) const {
  const auto& counts = m_startsUpTo[category];
  if (counts.empty() || day < m_firstDay) return 0;
  const auto offset = static_cast<std::size_t>(day - m_firstDay);
  return offset >= counts.size() ? counts.back() : counts[offset];
}

std::uint32_t EventStore::prefixEndsBefore(std::size_t category, DayNumber day) const {
  const auto& counts = m_endsBefore[category];
  if (counts.empty() || day <= m_firstDay) return 0;
  const auto offset = static_cast<std::size_t>(day - m_firstDay);
  return offset >= counts.size() ? counts.back() : counts[offset];
}

// --- Columns --------------------------------------------------------------------

std::vector<std::size_t> EventStore::datasetSizes() const {
  std::vector<std::size_t> sizes(m_datasets.size(), 0);
  for (std::uint8_t d : m_dataset) ++sizes[d];
  return sizes;
}

Fatalities EventStore::fatalities(Index i) const {
  Fatalities f;
  f.reported = (m_flags[i] & kReportedFlag) != 0;
  if (m_fatalitiesLow[i] >= 0) f.low = m_fatalitiesLow[i];
  if (m_fatalitiesHigh[i] >= 0) f.high = m_fatalitiesHigh[i];
  if (m_fatalitiesEstimate[i] >= 0) f.estimate = m_fatalitiesEstimate[i];
  return f;
}

std::optional<std::int64_t> EventStore::geonameId(Index i) const {
  if (m_geonameId[i] < 0) return std::nullopt;
  return m_geonameId[i];
}

std::vector<LineString> EventStore::shapeParts(Index i) const {
  std::vector<LineString> parts;
  auto it = std::lower_bound(m_shaped.begin(), m_shaped.end(), i);
  if (it == m_shaped.end() || *it != i) return parts;
  const auto k = static_cast<std::size_t>(it - m_shaped.begin());
  for (std::uint32_t p = m_shapedFirstPart[k]; p < m_shapedFirstPart[k + 1]; ++p) {
    const std::uint32_t first = p == 0 ? 0 : m_partEnds[p - 1];
    parts.emplace_back(m_shapePoints.begin() + first, m_shapePoints.begin() + m_partEnds[p]);
  }
  return parts;
}

std::string_view EventStore::partOf(Index i) const {
  auto it = std::lower_bound(m_partOf.begin(), m_partOf.end(), std::pair<Index, std::uint32_t>(i, 0));
  if (it == m_partOf.end() || it->first != i) return {};
  return m_strings.at(it->second);
}

std::vector<EventStore::Index> EventStore::partsOf(Index aggregate) const {
  std::vector<Index> parts;
  if (!isAggregate(aggregate)) return parts;
  for (const auto& [part, aggregateId] : m_partOf)
    if (m_dataset[part] == m_dataset[aggregate] && m_strings.at(aggregateId) == id(aggregate)) parts.push_back(part);
  return parts;
}

std::vector<ActorRef> EventStore::actors(Index i) const {
  return {m_actorRefs.begin() + m_actorOffsets[i], m_actorRefs.begin() + m_actorOffsets[i + 1]};
}

std::vector<Source> EventStore::sources(Index i) const {
  std::vector<Source> result;
  for (std::uint32_t k = m_sourceOffsets[i]; k < m_sourceOffsets[i + 1]; ++k) {
    const SourceRow& row = m_sources[k];
    result.push_back({std::string(string(row.document)), std::string(string(row.title)),
                      std::string(string(row.publisher)), std::string(string(row.date)), std::string(string(row.url)),
                      std::string(m_passages.at(k))});
  }
  return result;
}

Incident EventStore::incident(Index i) const {
  Incident incident;
  incident.id = std::string(id(i));
  incident.start = start(i);
  incident.end = end(i);
  incident.datePrecision = datePrecision(i);
  incident.place = std::string(place(i));
  incident.geonameId = geonameId(i);
  incident.longitude = longitude(i);
  incident.latitude = latitude(i);
  incident.shape = shape(i);
  incident.shapeParts = shapeParts(i);
  incident.locationPrecision = locationPrecision(i);
  incident.locationNote = std::string(locationNote(i));
  incident.region = std::string(region(i));
  incident.cercle = std::string(cercle(i));
  incident.type = type(i);
  incident.subType = subType(i);
  for (const ActorRef& ref : actors(i)) {
    auto& list = ref.role == ActorRole::Primary     ? incident.actors.primary
                 : ref.role == ActorRole::Secondary ? incident.actors.secondary
                                                    : incident.actors.associated;
    list.emplace_back(string(ref.actor));
  }
  incident.fatalities = fatalities(i);
  incident.civilianTargeting = civilianTargeting(i);
  incident.summary = std::string(summary(i));
  incident.sources = sources(i);
  incident.partOf = std::string(partOf(i));
  return incident;
}

std::optional<EventStore::Index> EventStore::find(std::string_view wanted) const {
  auto it =
      std::lower_bound(m_byId.begin(), m_byId.end(), wanted, [&](Index i, std::string_view v) { return id(i) < v; });
  if (it == m_byId.end() || id(*it) != wanted) return std::nullopt;
  return *it;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> EventStore::actorFrequencies() const {
  std::unordered_map<std::uint32_t, std::uint32_t> counts;
  for (Index i = 0; i < size(); ++i) {
    // An actor named twice in one incident counts once.
    for (std::uint32_t k = m_actorOffsets[i]; k < m_actorOffsets[i + 1]; ++k) {
      bool seen = false;
      for (std::uint32_t j = m_actorOffsets[i]; j < k; ++j) seen = seen || m_actorRefs[j].actor == m_actorRefs[k].actor;
      if (!seen) ++counts[m_actorRefs[k].actor];
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> result(counts.begin(), counts.end());
  std::sort(result.begin(), result.end(), [&](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : string(a.first) < string(b.first);
  });
  return result;
}

std::vector<std::uint32_t> EventStore::regions() const {
  std::vector<std::uint32_t> ids = m_region;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::erase_if(ids, [&](std::uint32_t id) { return string(id).empty(); });
  std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) { return string(a) < string(b); });
  return ids;
}

bool EventStore::anyOverlapping(DayNumber from, DayNumber to, const IncidentFilter& filter) const {
  if (to < from || empty()) return false;
  // Incidents starting inside the range are the common case: look there first.
  const auto first = std::lower_bound(m_start.begin(), m_start.end(), from);
  const auto last = std::upper_bound(first, m_start.end(), to);
  for (auto it = first; it != last; ++it)
    if (matches(static_cast<Index>(it - m_start.begin()), filter)) return true;
  // Then those begun earlier and still going on: only the tree's few long incidents.
  bool found = false;
  visitOverlapping(from, from, [&](Index i) { found = found || (m_start[i] < from && matches(i, filter)); });
  return found;
}

std::optional<DayNumber> EventStore::nextStart(DayNumber day, const IncidentFilter& filter) const {
  auto first = std::upper_bound(m_start.begin(), m_start.end(), day);
  for (auto it = first; it != m_start.end(); ++it) {
    if (matches(static_cast<Index>(it - m_start.begin()), filter)) return *it;
  }
  return std::nullopt;
}

std::optional<DayNumber> EventStore::previousStart(DayNumber day, const IncidentFilter& filter) const {
  auto last = std::lower_bound(m_start.begin(), m_start.end(), day);
  for (auto it = last; it != m_start.begin();) {
    --it;
    if (matches(static_cast<Index>(it - m_start.begin()), filter)) return *it;
  }
  return std::nullopt;
}

std::size_t findSpike(const Histogram& histogram, std::size_t fromBin) {
  for (std::size_t bin = fromBin; bin < histogram.binCount(); ++bin) {
    const std::uint32_t count = histogram.total(bin);
    if (count < kSpikeMinimum) continue;
    const std::size_t first = bin > kSpikeTrailingBins ? bin - kSpikeTrailingBins : 0;
    double sum = 0.0;
    for (std::size_t k = first; k < bin; ++k) sum += histogram.total(k);
    const double mean = bin > first ? sum / static_cast<double>(bin - first) : 0.0;
    if (count > kSpikeFactor * mean) return bin;
  }
  return histogram.binCount();
}

std::size_t EventStore::memoryBytes() const {
  std::size_t bytes = m_ids.byteSize() + m_summaries.byteSize() + m_notes.byteSize() + m_passages.byteSize();
  bytes += size() * (2 * sizeof(DayNumber) + 6 + 3 * sizeof(std::int32_t) + 2 * sizeof(double) + sizeof(std::int64_t) +
                     3 * sizeof(std::uint32_t));
  bytes += m_actorRefs.size() * sizeof(ActorRef) + m_actorOffsets.size() * 4;
  bytes += m_sources.size() * sizeof(SourceRow) + m_sourceOffsets.size() * 4;
  for (std::size_t k = 0; k < m_strings.size(); ++k) bytes += m_strings.at(static_cast<std::uint32_t>(k)).size() + 64;
  bytes += m_shape.size() + m_shaped.size() * 4 + m_shapedFirstPart.size() * 4 + m_partEnds.size() * 4 +
           m_shapePoints.size() * sizeof(Point2) + m_partOf.size() * 8;
  bytes += m_byId.size() * sizeof(Index) + m_byPlace.size() * 16 + m_byCell.size() * 8;
  bytes += (m_treeByStart.size() + m_treeByEnd.size()) * sizeof(Index) + m_tree.size() * sizeof(TreeNode);
  for (const auto& v : m_startsUpTo) bytes += v.size() * 4;
  for (const auto& v : m_endsBefore) bytes += v.size() * 4;
  return bytes;
}

// --- Queries ------------------------------------------------------------------

bool EventStore::matches(Index i, const IncidentFilter& filter) const {
  if (!filter.includeAggregates && isAggregate(i)) return false;
  if ((filter.datasets & (std::uint64_t{1} << m_dataset[i])) == 0) return false;
  if ((filter.types & (1u << m_type[i])) == 0) return false;
  if ((filter.subTypes & (std::uint64_t{1} << m_subType[i])) == 0) return false;
  if (filter.minFatalities > 0 && fatalityFigure(i) < filter.minFatalities) return false;
  if (filter.region && m_region[i] != *filter.region) return false;
  if (filter.civilianTargeting && civilianTargeting(i) != *filter.civilianTargeting) return false;
  if (!filter.actors.empty()) {
    bool found = false;
    for (std::uint32_t k = m_actorOffsets[i]; k < m_actorOffsets[i + 1] && !found; ++k)
      found = std::binary_search(filter.actors.begin(), filter.actors.end(), m_actorRefs[k].actor);
    if (!found) return false;
  }
  return true;
}

// Calls visit(i) for every incident overlapping [from, to]: first those that
// started before `from` and are still running then (from the interval tree,
// in no particular order), then those starting inside the range (in order).
template <typename Visit> void EventStore::visitOverlapping(DayNumber from, DayNumber to, Visit&& visit) const {
  if (to < from || empty()) return;
  std::int32_t node = m_treeRoot;
  while (node >= 0) {
    const TreeNode& n = m_tree[static_cast<std::size_t>(node)];
    if (from < n.center) {
      for (std::uint32_t k = n.begin; k < n.begin + n.count && m_start[m_treeByStart[k]] <= from; ++k)
        if (m_start[m_treeByStart[k]] < from) visit(m_treeByStart[k]);
      node = n.left;
    } else {
      for (std::uint32_t k = n.begin; k < n.begin + n.count && m_end[m_treeByEnd[k]] >= from; ++k)
        if (m_start[m_treeByEnd[k]] < from) visit(m_treeByEnd[k]);
      node = from == n.center ? -1 : n.right;
    }
  }
  const auto first = std::lower_bound(m_start.begin(), m_start.end(), from);
  const auto last = std::upper_bound(first, m_start.end(), to);
  for (auto it = first; it != last; ++it) visit(static_cast<Index>(it - m_start.begin()));
}

std::vector<EventStore::Index> EventStore::overlapping(DayNumber from, DayNumber to,
                                                       const IncidentFilter& filter) const {
  std::vector<Index> result;
  std::size_t crossing = 0;
  bool countingCrossing = true;
  const auto first = std::lower_bound(m_start.begin(), m_start.end(), from);
  const auto firstInside = static_cast<Index>(first - m_start.begin());
  visitOverlapping(from, to, [&](Index i) {
    if (countingCrossing && i >= firstInside) {
      countingCrossing = false;
    }
    if (matches(i, filter)) {
      result.push_back(i);
      if (countingCrossing) ++crossing;
    }
  });
  // Only the incidents that started before the range need sorting.
  std::sort(result.begin(), result.begin() + static_cast<std::ptrdiff_t>(crossing));
  return result;
}

std::vector<EventStore::Index> EventStore::atPlace(std::int64_t geonameId, const IncidentFilter& filter) const {
  std::vector<Index> result;
  auto range = std::equal_range(m_byPlace.begin(), m_byPlace.end(), std::pair<std::int64_t, Index>(geonameId, 0),
                                [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto it = range.first; it != range.second; ++it)
    if (matches(it->second, filter)) result.push_back(it->second);
  return result;
}

std::vector<NearbyIncident> EventStore::withinRadius(double longitude, double latitude, double radiusMetres,
                                                     const IncidentFilter& filter) const {
  std::vector<NearbyIncident> result;
  if (!(radiusMetres >= 0.0) || empty()) return result;
  const double dLat = radiusMetres / kMetresPerDegreeLatitude + kCellDegrees;
  const double south = std::max(-90.0, latitude - dLat);
  const double north = std::min(90.0, latitude + dLat);
  const double widest = std::max(std::abs(south), std::abs(north));
  const double cosine = std::cos(std::min(widest, 89.0) * 3.14159265358979323846 / 180.0);
  const double dLon = std::min(180.0, radiusMetres / (111319.0 * cosine) + kCellDegrees);
  const std::uint32_t rowFirst = cellKey(longitude, south) >> 16;
  const std::uint32_t rowLast = cellKey(longitude, north) >> 16;
  // A window that crosses ±180° or reaches a pole searches whole rows.
  const bool wholeRows = longitude - dLon < -180.0 || longitude + dLon > 180.0 || north >= 89.0 || south <= -89.0;
  const std::uint32_t columnFirst = wholeRows ? 0 : cellKey(longitude - dLon, latitude) & 0xFFFF;
  const std::uint32_t columnLast = wholeRows ? 0xFFFF : cellKey(longitude + dLon, latitude) & 0xFFFF;
  // Within kLocalRadius, distances come from a local flat approximation
  // scaled by the ellipsoid's radii of curvature at the centre (relative
  // error well under kLocalBand there); only points within that band of the
  // radius are settled by the exact geodesic. Farther, every point is exact.
  const Point2 centre{longitude, latitude};
  const bool local = radiusMetres <= kLocalRadius && std::abs(latitude) <= kLocalMaxLatitude && !wholeRows;
  const double phi = latitude * kDegree;
  const double w = std::sqrt(1.0 - kWgs84E2 * std::sin(phi) * std::sin(phi));
  const double metresPerRadianNorth = kWgs84A * (1.0 - kWgs84E2) / (w * w * w);
  const double metresPerRadianEast = kWgs84A / w * std::cos(phi);
  for (std::uint32_t row = rowFirst; row <= rowLast; ++row) {
    auto it =
        std::lower_bound(m_byCell.begin(), m_byCell.end(), std::pair<std::uint32_t, Index>(row << 16 | columnFirst, 0));
    const std::uint32_t lastKey = row << 16 | columnLast;
    for (; it != m_byCell.end() && it->first <= lastKey; ++it) {
      const Index i = it->second;
      if (local) {
        const double east = (m_longitude[i] - longitude) * kDegree * metresPerRadianEast;
        const double northward = (m_latitude[i] - latitude) * kDegree * metresPerRadianNorth;
        const double distance = std::sqrt(east * east + northward * northward);
        if (distance > radiusMetres * (1.0 + kLocalBand)) continue;
        if (!matches(i, filter)) continue;
        if (distance >= radiusMetres * (1.0 - kLocalBand)) {
          const GeodesicLine line = geodesicInverse(centre, Point2{m_longitude[i], m_latitude[i]});
          if (line.distanceMetres <= radiusMetres)
            result.push_back({i, line.distanceMetres, line.initialAzimuthDegrees});
        } else {
          const double azimuth = distance > 0.0 ? std::atan2(east, northward) / kDegree : 0.0;
          result.push_back({i, distance, azimuth});
        }
        continue;
      }
      if (!matches(i, filter)) continue;
      const GeodesicLine line = geodesicInverse(centre, Point2{m_longitude[i], m_latitude[i]});
      if (line.distanceMetres <= radiusMetres) result.push_back({i, line.distanceMetres, line.initialAzimuthDegrees});
    }
  }
  std::sort(result.begin(), result.end(),
            [](const NearbyIncident& a, const NearbyIncident& b) { return a.index < b.index; });
  return result;
}

Histogram EventStore::histogram(DayNumber from, DayNumber to, TimeUnit unit, const IncidentFilter& filter) const {
  Histogram histogram;
  histogram.unit = unit;
  if (to < from) return histogram;
  for (DayNumber d = binStart(from, unit); d <= to; d = nextBinStart(d, unit)) histogram.binStarts.push_back(d);
  histogram.binStarts.push_back(nextBinStart(histogram.binStarts.back(), unit));
  const std::size_t bins = histogram.binStarts.size() - 1;
  histogram.counts.assign(bins, {});
  if (empty()) return histogram;

  if (filter.isTypeOnly() && m_hasPrefixes) {
    // Incidents overlapping bin [a, b]: those starting on or before b minus those ending before a.
    for (std::size_t c = 0; c < m_startsUpTo.size(); ++c) {
      if ((filter.datasets & IncidentFilter::datasetBit(c / kHistogramCategories)) == 0) continue;
      const std::size_t s = c % kHistogramCategories;
      const bool specified = s < kSubEventTypeCount;
      const std::uint64_t subTypeBit = specified ? std::uint64_t{1} << s : 1;
      if (m_startsUpTo[c].empty() || (filter.subTypes & subTypeBit) == 0) continue;
      const auto t =
          specified ? static_cast<std::size_t>(parentType(static_cast<SubEventType>(s))) : s - kSubEventTypeCount;
      if ((filter.types & (1u << t)) == 0) continue;
      for (std::size_t b = 0; b < bins; ++b) {
        const DayNumber first = histogram.binStarts[b];
        const DayNumber last = histogram.binStarts[b + 1] - 1;
        histogram.counts[b][t] += prefixStartsUpTo(c, last) - prefixEndsBefore(c, first);
      }
    }
    return histogram;
  }

  // Otherwise scan the incidents overlapping the bins, marking where each
  // enters and leaves the bin sequence.
  const DayNumber rangeFirst = histogram.binStarts.front();
  const DayNumber rangeLast = histogram.binStarts.back() - 1;
  std::vector<std::array<std::int64_t, kEventTypeCount>> delta(bins + 1, std::array<std::int64_t, kEventTypeCount>{});
  const CivilDate firstMonth = civilFromDay(rangeFirst);
  auto binOf = [&](DayNumber day) -> std::size_t {
    switch (unit) {
      case TimeUnit::Day: return static_cast<std::size_t>(day - rangeFirst);
      case TimeUnit::Week: return static_cast<std::size_t>((day - rangeFirst) / 7);
      case TimeUnit::Month: {
        const CivilDate date = civilFromDay(day);
        return static_cast<std::size_t>((date.year - firstMonth.year) * 12 + date.month - firstMonth.month);
      }
    }
    return 0;
  };
  visitOverlapping(rangeFirst, rangeLast, [&](Index i) {
    if (!matches(i, filter)) return;
    const std::size_t t = m_type[i];
    ++delta[binOf(std::max(m_start[i], rangeFirst))][t];
    --delta[binOf(std::min(m_end[i], rangeLast)) + 1][t];
  });
  std::array<std::int64_t, kEventTypeCount> running{};
  for (std::size_t b = 0; b < bins; ++b) {
    for (std::size_t t = 0; t < kEventTypeCount; ++t) {
      running[t] += delta[b][t];
      histogram.counts[b][t] = static_cast<std::uint32_t>(running[t]);
    }
  }
  return histogram;
}

} // namespace sv
