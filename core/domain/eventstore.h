#pragma once

#include "domain/calendar.h"
#include "domain/incident.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sv {

struct StoreFileAccess; // io/storefile.cpp: writes and reads a built store

// Strings stored once and referred to by number: actor, place, region and
// publisher names repeat across millions of incidents.
class StringPool {
public:
  std::uint32_t intern(std::string_view text);
  std::optional<std::uint32_t> find(std::string_view text) const;
  std::string_view at(std::uint32_t id) const { return m_strings[id]; }
  std::size_t size() const { return m_strings.size(); }

private:
  std::vector<std::string> m_strings;
  std::unordered_map<std::string, std::uint32_t> m_ids;
};

// Text that is different for almost every incident (ids, summaries,
// passages): one buffer and offsets, no per-string allocation.
class TextColumn {
public:
  void push_back(std::string_view text);
  std::string_view at(std::size_t i) const {
    return std::string_view(m_bytes).substr(m_offsets[i], m_offsets[i + 1] - m_offsets[i]);
  }
  std::size_t size() const { return m_offsets.size() - 1; }
  std::size_t byteSize() const { return m_bytes.size() + m_offsets.size() * sizeof(std::uint64_t); }

private:
  friend struct StoreFileAccess;
  std::string m_bytes;
  std::vector<std::uint64_t> m_offsets{0};
};

enum class ActorRole : std::uint8_t { Primary = 0, Secondary = 1, Associated = 2 };

struct ActorRef {
  std::uint32_t actor = 0; // id in the store's string pool
  ActorRole role = ActorRole::Primary;
};

// Which incidents to keep. The default keeps every incident that counts:
// all but aggregates (records such as a whole siege whose parts are in the
// store too), which would count the same deaths twice.
struct IncidentFilter {
  static constexpr std::uint32_t kAllTypes = (1u << kEventTypeCount) - 1;
  static constexpr std::uint64_t kAllSubTypes = (std::uint64_t{1} << kSubEventTypeCount) - 1;
  static constexpr std::uint64_t kAllDatasets = ~std::uint64_t{0};

  std::uint32_t types = kAllTypes;       // bit per EventType
  std::uint64_t subTypes = kAllSubTypes; // bit per SubEventType
  std::vector<std::uint32_t> actors;   // string ids, sorted ascending; empty = any actor, else any of these in any role
  std::int32_t minFatalities = 0;      // keeps incidents whose figure (Fatalities::best) reaches it (0 keeps all)
  std::optional<std::uint32_t> region; // string id of the region name
  std::optional<bool> civilianTargeting;
  std::uint64_t datasets = kAllDatasets; // bit per dataset of the store (EventStore::dataset)
  bool includeAggregates = false;        // also keep aggregates (EventStore::isAggregate): for listing, not counting

  static std::uint32_t typeBit(EventType type) { return 1u << static_cast<unsigned>(type); }
  static std::uint64_t subTypeBit(SubEventType subType) { return std::uint64_t{1} << static_cast<unsigned>(subType); }
  static std::uint64_t datasetBit(std::size_t dataset) { return std::uint64_t{1} << dataset; }
  // True when only the type, sub-type and dataset masks are set: histograms then come from prefix counts.
  bool isTypeOnly() const {
    return actors.empty() && minFatalities <= 0 && !region && !civilianTargeting && !includeAggregates;
  }
  friend bool operator==(const IncidentFilter&, const IncidentFilter&) = default;
};

// Incident counts per calendar bin, split by event type (for the timeline's
// stacked histogram). An incident is counted in every bin its span overlaps:
// the same rule by which the map shows it for that bin.
struct Histogram {
  TimeUnit unit = TimeUnit::Day;
  std::vector<DayNumber> binStarts; // one per bin, plus the start of the bin after the last
  std::vector<std::array<std::uint32_t, kEventTypeCount>> counts;

  std::size_t binCount() const { return counts.size(); }
  std::uint32_t total(std::size_t bin) const;
};

// The first bin at or after `fromBin` that stands far above the bins before
// it: at least kSpikeMinimum incidents and more than kSpikeFactor times the
// mean of the kSpikeTrailingBins bins before it (fewer at the start of the
// histogram). Returns binCount() when there is none.
inline constexpr std::uint32_t kSpikeMinimum = 2;
inline constexpr double kSpikeFactor = 3.0;
inline constexpr std::size_t kSpikeTrailingBins = 8;
std::size_t findSpike(const Histogram& histogram, std::size_t fromBin);

struct NearbyIncident {
  std::uint32_t index = 0;
  double distanceMetres = 0.0;
  double azimuthDegrees = 0.0; // from the query point to the incident, clockwise from north
};

struct DatasetInfo {
  std::string name; // short name, e.g. the file's base name
  std::string title;
  std::string description;
  std::string compiled; // when the dataset was compiled or exported
  std::string licence;  // licence and attribution text
};

// The description of several datasets shown together: their names joined by
// " + ", their texts joined without repeats.
DatasetInfo combinedDatasetInfo(const std::vector<DatasetInfo>& datasets);

// The incidents of one or more datasets, in columns sorted by start day (then
// end, then id). Each incident remembers the dataset it came from, so that
// datasets shown together can be told apart, hidden and styled one by one. Immutable once built and shared between
// threads as a snapshot (std::shared_ptr<const EventStore>); every query is const and lock-free.
//
// Time queries use the start-sorted order plus an interval tree of the
// incidents lasting more than a day; place queries use a geonameid index; and
// radius queries use a grid of 0.25° cells. Histograms restricted by type come
// from per-sub-type prefix counts over days, independent of the number of
// incidents; other filters scan the incidents overlapping the range.
class EventStore {
public:
  using Index = std::uint32_t;

  static constexpr std::size_t kMaxDatasets = 64; // one bit each in IncidentFilter::datasets

  static std::shared_ptr<const EventStore> build(std::vector<Incident> incidents, DatasetInfo info = {});
  // The incidents of every store together, their datasets in the order given
  // (a combined store's own datasets in its order). Null when they would hold
  // more than kMaxDatasets datasets.
  static std::shared_ptr<const EventStore> combine(const std::vector<std::shared_ptr<const EventStore>>& stores);

  // The whole: one dataset's description, or the combined one of several.
  const DatasetInfo& info() const { return m_info; }
  std::size_t datasetCount() const { return m_datasets.size(); }
  const DatasetInfo& datasetInfo(std::size_t dataset) const { return m_datasets[dataset]; }
  // Incidents per dataset.
  std::vector<std::size_t> datasetSizes() const;
  std::size_t size() const { return m_start.size(); }
  bool empty() const { return m_start.empty(); }
  DayNumber firstDay() const { return m_firstDay; }
  DayNumber lastDay() const { return m_lastDay; }

  // Columns.
  std::string_view id(Index i) const { return m_ids.at(i); }
  std::size_t dataset(Index i) const { return m_dataset[i]; }
  DayNumber start(Index i) const { return m_start[i]; }
  DayNumber end(Index i) const { return m_end[i]; }
  DatePrecision datePrecision(Index i) const { return static_cast<DatePrecision>(m_datePrecision[i]); }
  EventType type(Index i) const { return static_cast<EventType>(m_type[i]); }
  SubEventType subType(Index i) const { return static_cast<SubEventType>(m_subType[i]); }
  LocationPrecision locationPrecision(Index i) const { return static_cast<LocationPrecision>(m_locationPrecision[i]); }
  bool civilianTargeting(Index i) const { return (m_flags[i] & kCivilianFlag) != 0; }
  Fatalities fatalities(Index i) const;
  // Fatalities::best(): the estimate, else the lower bound, else 0.
  std::int32_t fatalityFigure(Index i) const {
    const std::int32_t figure = m_fatalitiesEstimate[i] >= 0 ? m_fatalitiesEstimate[i] : m_fatalitiesLow[i];
    return figure < 0 ? 0 : figure;
  }
  // The incident's point; for a line or an area its representative point;
  // 0, 0 when unplaced.
  double longitude(Index i) const { return m_longitude[i]; }
  double latitude(Index i) const { return m_latitude[i]; }
  PlaceShape shape(Index i) const { return static_cast<PlaceShape>(m_shape[i]); }
  bool isPlaced(Index i) const { return m_shape[i] != static_cast<std::uint8_t>(PlaceShape::Unplaced); }
  // The parts of a line or the rings of an area, in degrees; empty otherwise.
  std::vector<LineString> shapeParts(Index i) const;
  // The incidents that are lines or areas, in store order.
  const std::vector<Index>& shapedIncidents() const { return m_shaped; }
  // The aggregate this incident is a part of (Incident::partOf), empty if none.
  std::string_view partOf(Index i) const;
  // Whether parts of this incident are in the store (of its dataset).
  bool isAggregate(Index i) const { return (m_flags[i] & kAggregateFlag) != 0; }
  // The parts of an aggregate, in store order.
  std::vector<Index> partsOf(Index aggregate) const;
  std::optional<std::int64_t> geonameId(Index i) const;
  std::string_view place(Index i) const { return m_strings.at(m_place[i]); }
  std::uint32_t placeId(Index i) const { return m_place[i]; } // the interned name, for string()
  std::string_view region(Index i) const { return m_strings.at(m_region[i]); }
  std::uint32_t regionId(Index i) const { return m_region[i]; }
  std::string_view cercle(Index i) const { return m_strings.at(m_cercle[i]); }
  std::string_view summary(Index i) const { return m_summaries.at(i); }
  std::string_view locationNote(Index i) const { return m_notes.at(i); }
  std::vector<ActorRef> actors(Index i) const;
  std::vector<Source> sources(Index i) const;
  // The whole record, for display and writing.
  Incident incident(Index i) const;

  std::optional<Index> find(std::string_view id) const;
  const StringPool& strings() const { return m_strings; }
  std::string_view string(std::uint32_t id) const { return m_strings.at(id); }
  // Every actor name with the number of incidents naming it, most frequent first.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> actorFrequencies() const;
  // Every region named by an incident, by name.
  std::vector<std::uint32_t> regions() const;
  // Figures over the whole dataset, fixed whatever the range or filter.
  std::int32_t maxFatalityFigure() const { return m_maxFatalities; }

  bool matches(Index i, const IncidentFilter& filter) const;

  // Incidents whose span [start, end] overlaps [from, to] (inclusive days),
  // in store order (by start).
  std::vector<Index> overlapping(DayNumber from, DayNumber to, const IncidentFilter& filter = {}) const;
  // Whether any incident passing the filter overlaps [from, to]. Stops at the
  // first one found: the playback's skip-empty test, run on every tick.
  bool anyOverlapping(DayNumber from, DayNumber to, const IncidentFilter& filter = {}) const;
  // The first start day after `day` of an incident passing the filter, and the
  // last start day before it: where "next incident" and "previous incident" go.
  std::optional<DayNumber> nextStart(DayNumber day, const IncidentFilter& filter = {}) const;
  std::optional<DayNumber> previousStart(DayNumber day, const IncidentFilter& filter = {}) const;
  // Incidents given at a gazetteer place, in store order.
  std::vector<Index> atPlace(std::int64_t geonameId, const IncidentFilter& filter = {}) const;
  // Incidents within `radiusMetres` (geodesic) of a point, in store order.
  // Membership is exact; distances and azimuths are exact geodesics beyond
  // 100 km, above 60° of latitude and near the edge of the circle, and
  // elsewhere within 0.5 %.
  std::vector<NearbyIncident> withinRadius(double longitude, double latitude, double radiusMetres,
                                           const IncidentFilter& filter = {}) const;
  // Counts per bin for the bins covering [from, to].
  Histogram histogram(DayNumber from, DayNumber to, TimeUnit unit, const IncidentFilter& filter = {}) const;

  std::size_t memoryBytes() const;

private:
  friend struct StoreFileAccess;
  static constexpr std::uint8_t kReportedFlag = 1;
  static constexpr std::uint8_t kCivilianFlag = 2;
  static constexpr std::uint8_t kAggregateFlag = 4;
  static constexpr std::size_t kHistogramCategories = kSubEventTypeCount + kEventTypeCount;

  struct TreeNode {
    DayNumber center = 0;
    std::uint32_t begin = 0; // range in m_treeByStart / m_treeByEnd
    std::uint32_t count = 0;
    std::int32_t left = -1;
    std::int32_t right = -1;
  };

  template <typename Visit> void visitOverlapping(DayNumber from, DayNumber to, Visit&& visit) const;
  void buildIntervalTree();
  std::int32_t buildNode(std::vector<Index>& intervals);
  static std::shared_ptr<const EventStore> build(std::vector<Incident> incidents, std::vector<std::uint8_t> datasetOf,
                                                 std::vector<DatasetInfo> datasets);
  void buildHistogramPrefixes();
  std::size_t histogramCategory(Index i) const;
  std::uint32_t prefixStartsUpTo(std::size_t category, DayNumber day) const;
  std::uint32_t prefixEndsBefore(std::size_t category, DayNumber day) const;

  DatasetInfo m_info;
  std::vector<DatasetInfo> m_datasets; // at least one
  StringPool m_strings;
  TextColumn m_ids;
  TextColumn m_summaries;
  TextColumn m_notes;
  std::vector<DayNumber> m_start;
  std::vector<DayNumber> m_end;
  std::vector<std::uint8_t> m_datePrecision;
  std::vector<std::uint8_t> m_type;
  std::vector<std::uint8_t> m_subType;
  std::vector<std::uint8_t> m_locationPrecision;
  std::vector<std::uint8_t> m_flags;
  std::vector<std::uint8_t> m_dataset;
  std::vector<std::int32_t> m_fatalitiesLow;      // -1 = none
  std::vector<std::int32_t> m_fatalitiesHigh;     // -1 = none
  std::vector<std::int32_t> m_fatalitiesEstimate; // -1 = none
  std::vector<double> m_longitude;
  std::vector<double> m_latitude;
  std::vector<std::int64_t> m_geonameId; // -1 = none
  std::vector<std::uint8_t> m_shape;     // PlaceShape
  // Lines and areas: their incidents (sorted), the first part of each in
  // m_partEnds (plus one past the last), and each part's end in m_shapePoints.
  std::vector<Index> m_shaped;
  std::vector<std::uint32_t> m_shapedFirstPart{0};
  std::vector<std::uint32_t> m_partEnds;
  std::vector<Point2> m_shapePoints;
  // (incident, string id of its aggregate's id), sorted by incident.
  std::vector<std::pair<Index, std::uint32_t>> m_partOf;
  std::vector<std::uint32_t> m_place;
  std::vector<std::uint32_t> m_region;
  std::vector<std::uint32_t> m_cercle;

  std::vector<std::uint32_t> m_actorOffsets{0};
  std::vector<ActorRef> m_actorRefs;

  struct SourceRow {
    std::uint32_t document, title, publisher, date, url;
  };
  std::vector<std::uint32_t> m_sourceOffsets{0};
  std::vector<SourceRow> m_sources;
  TextColumn m_passages;

  DayNumber m_firstDay = 0;
  DayNumber m_lastDay = -1;
  std::int32_t m_maxFatalities = 0;

  // Indexes.
  std::vector<Index> m_byId;    // sorted by id
  std::vector<TreeNode> m_tree; // incidents spanning more than one day
  std::vector<Index> m_treeByStart;
  std::vector<Index> m_treeByEnd;
  std::int32_t m_treeRoot = -1;
  std::vector<std::pair<std::int64_t, Index>> m_byPlace; // sorted
  std::vector<std::pair<std::uint32_t, Index>> m_byCell; // sorted
  // m_startsUpTo[s][d]: incidents of histogram category s (a dataset's sub-type, or type when none) starting on or
  // before firstDay + d; m_endsBefore[s][d]: those ending before firstDay + d.
  std::vector<std::vector<std::uint32_t>> m_startsUpTo;
  std::vector<std::vector<std::uint32_t>> m_endsBefore;
  bool m_hasPrefixes = false;
};

} // namespace sv
