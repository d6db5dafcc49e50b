#include "io/storefile.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <type_traits>
#include <utility>

namespace sv {

namespace {

constexpr std::array<char, 8> kMagic{'S', 'V', 'S', 'T', 'O', 'R', 'E', '\0'};
// Written in host byte order: read back on a host of the other order it comes out as 0x04030201.
constexpr std::uint32_t kByteOrderMark = 0x01020304;
// Raise whenever the layout or any member of EventStore changes.
constexpr std::uint32_t kFormatVersion = 3;
// magic, byte-order mark, version, file size, incident count, key size; then the key.
constexpr std::size_t kFixedHeaderSize = 8 + 4 + 4 + 8 + 8 + 4;
constexpr std::size_t kTrailerSize = 8; // the checksum
constexpr std::size_t kMaxKeySize = std::size_t{1} << 20;

// Blocks copied as bytes: trivially copyable types, and pairs of them (std::pair
// is not trivially copyable only because its assignment is user-declared).
template <typename T> struct IsBlock : std::is_trivially_copyable<T> {};
template <typename A, typename B> struct IsBlock<std::pair<A, B>>
    : std::bool_constant<IsBlock<A>::value && IsBlock<B>::value> {};

// Fletcher-style sums over 64-bit words: any flipped bit, lost or moved block
// changes it, and it runs at memory speed.
class Checksum {
public:
  void add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    m_length += size;
    if (m_pendingSize > 0) {
      const std::size_t take = std::min(size, m_pending.size() - m_pendingSize);
      std::memcpy(m_pending.data() + m_pendingSize, bytes, take);
      m_pendingSize += take;
      bytes += take;
      size -= take;
      if (m_pendingSize < m_pending.size()) return;
      addWord(m_pending.data());
      m_pendingSize = 0;
    }
    std::uint64_t a = m_a;
    std::uint64_t b = m_b;
    for (; size >= 8; bytes += 8, size -= 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes, 8);
      a += word;
      b += a;
    }
    m_a = a;
    m_b = b;
    std::memcpy(m_pending.data(), bytes, size);
    m_pendingSize = size;
  }

  std::uint64_t value() const {
    Checksum last = *this;
    if (last.m_pendingSize > 0) {
      std::fill(last.m_pending.begin() + static_cast<std::ptrdiff_t>(last.m_pendingSize), last.m_pending.end(), 0);
      last.addWord(last.m_pending.data());
    }
    return mix(last.m_a ^ mix(last.m_b ^ mix(m_length)));
  }

private:
  void addWord(const unsigned char* bytes) {
    std::uint64_t word;
    std::memcpy(&word, bytes, 8);
    m_a += word;
    m_b += m_a;
  }
  static std::uint64_t mix(std::uint64_t z) { // SplitMix64's finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  std::uint64_t m_a = 0;
  std::uint64_t m_b = 0;
  std::uint64_t m_length = 0;
  std::array<unsigned char, 8> m_pending{};
  std::size_t m_pendingSize = 0;
};

// Writes the members visit() names, or with no stream only counts their bytes.
class Writer {
public:
  explicit Writer(std::ofstream* out = nullptr) : m_out(out) {}

  std::uint64_t size() const { return m_size; }
  std::uint64_t checksum() const { return m_checksum.value(); }

  void bytes(const void* data, std::size_t size) {
    m_size += size;
    if (!m_out || size == 0) return;
    m_out->write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    m_checksum.add(data, size);
  }
  template <typename T> void value(const T& v) {
    static_assert(IsBlock<T>::value);
    bytes(&v, sizeof v);
  }
  void value(const bool& v) { value(static_cast<std::uint8_t>(v ? 1 : 0)); }
  void fail(const std::string&) {} // a built store is sound
  template <typename T> void vector(const std::vector<T>& v) {
    static_assert(IsBlock<T>::value);
    value(static_cast<std::uint64_t>(v.size()));
    bytes(v.data(), v.size() * sizeof(T));
  }
  template <typename T> void column(const std::vector<T>& v) { vector(v); }
  void string(const std::string& s) {
    value(static_cast<std::uint64_t>(s.size()));
    bytes(s.data(), s.size());
  }
  template <typename T> void vectors(const std::vector<std::vector<T>>& v) {
    value(static_cast<std::uint64_t>(v.size()));
    for (const auto& inner : v) vector(inner);
  }
  // The pool as the lengths of its strings, then all their bytes.
  void strings(const StringPool& pool) {
    std::vector<std::uint64_t> lengths(pool.size());
    std::string bytes;
    for (std::size_t k = 0; k < pool.size(); ++k) {
      const std::string_view text = pool.at(static_cast<std::uint32_t>(k));
      lengths[k] = text.size();
      bytes.append(text);
    }
    vector(lengths);
    string(bytes);
  }

private:
  std::ofstream* m_out;
  std::uint64_t m_size = 0;
  Checksum m_checksum;
};

// Reads the members visit() names. Every count is checked against the bytes
// left before anything is allocated; after the first problem it reads nothing.
class Reader {
public:
  Reader(std::ifstream& in, Checksum& checksum, std::uint64_t remaining, std::uint64_t rows)
      : m_in(in), m_checksum(checksum), m_remaining(remaining), m_rows(rows) {}

  bool failed() const { return !m_problem.empty(); }
  const std::string& problem() const { return m_problem; }
  void fail(std::string problem) {
    if (!failed()) m_problem = std::move(problem);
  }
  std::uint64_t remaining() const { return m_remaining; }

  void bytes(void* data, std::size_t size) {
    if (failed() || size == 0) return;
    if (size > m_remaining) return fail("a block runs past the end of the data");
    m_in.read(static_cast<char*>(data), static_cast<std::streamsize>(size));
    if (!m_in) return fail("reading failed");
    m_checksum.add(data, size);
    m_remaining -= size;
  }
  template <typename T> void value(T& v) {
    static_assert(IsBlock<T>::value);
    bytes(&v, sizeof v);
  }
  void value(bool& v) {
    std::uint8_t byte = 0;
    value(byte);
    if (byte > 1) fail("a flag is neither 0 nor 1");
    v = byte == 1;
  }
  template <typename T> void vector(std::vector<T>& v) {
    static_assert(IsBlock<T>::value);
    const std::uint64_t count = this->count(sizeof(T));
    v.resize(static_cast<std::size_t>(count));
    bytes(v.data(), v.size() * sizeof(T));
  }
  // A vector with one element per incident.
  template <typename T> void column(std::vector<T>& v) {
    vector(v);
    if (!failed() && v.size() != m_rows)
      fail("a column has " + std::to_string(v.size()) + " rows, not " + std::to_string(m_rows));
  }
  void string(std::string& s) {
    const std::uint64_t count = this->count(1);
    s.resize(static_cast<std::size_t>(count));
    bytes(s.data(), s.size());
  }
  template <typename T> void vectors(std::vector<std::vector<T>>& v) {
    const std::uint64_t count = this->count(sizeof(std::uint64_t)); // each inner vector has at least its count
    v.resize(static_cast<std::size_t>(count));
    for (auto& inner : v) vector(inner);
  }
  // Interning rebuilds the pool's lookup table: once per distinct string, not per incident.
  void strings(StringPool& pool) {
    std::vector<std::uint64_t> lengths;
    std::string bytes;
    vector(lengths);
    string(bytes);
    if (failed()) return;
    std::size_t offset = 0;
    for (std::size_t k = 0; k < lengths.size(); ++k) {
      if (lengths[k] > bytes.size() - offset) return fail("the string pool's lengths exceed its bytes");
      const auto length = static_cast<std::size_t>(lengths[k]);
      if (pool.intern(std::string_view(bytes).substr(offset, length)) != k)
        return fail("the string pool holds a string twice");
      offset += length;
    }
    if (offset != bytes.size()) fail("the string pool's lengths do not add up to its bytes");
  }

private:
  std::uint64_t count(std::size_t elementSize) {
    std::uint64_t n = 0;
    value(n);
    if (failed()) return 0;
    if (n > m_remaining / elementSize) {
      fail("a length field (" + std::to_string(n) + ") exceeds the data left");
      return 0;
    }
    return n;
  }

  std::ifstream& m_in;
  Checksum& m_checksum;
  std::uint64_t m_remaining;
  std::uint64_t m_rows;
  std::string m_problem;
};

struct Header {
  std::uint64_t fileSize = 0;
  std::uint64_t rows = 0;
  std::string key;
};

template <typename T> T load(const char* bytes) {
  T v;
  std::memcpy(&v, bytes, sizeof v);
  return v;
}

// Opens `path` and reads its header up to and including the key, adding it to
// `checksum`. Returns the problem, empty when the header is sound.
std::string readHeader(const std::string& path, std::ifstream& in, Checksum& checksum, Header& header) {
  std::error_code code;
  const std::uintmax_t actualSize = std::filesystem::file_size(path, code);
  if (code) return code.message();
  in.open(path, std::ios::binary);
  if (!in) return "cannot open the file";

  std::array<char, kFixedHeaderSize> fixed{};
  const auto got = static_cast<std::size_t>(std::min<std::uintmax_t>(actualSize, fixed.size()));
  in.read(fixed.data(), static_cast<std::streamsize>(got));
  if (!in) return "reading failed";
  if (std::memcmp(fixed.data(), kMagic.data(), std::min(got, kMagic.size())) != 0)
    return "not a Situation Viewer store file";
  if (got < fixed.size()) return "truncated: " + std::to_string(actualSize) + " bytes, shorter than the header";
  checksum.add(fixed.data(), fixed.size());

  const auto byteOrder = load<std::uint32_t>(fixed.data() + 8);
  const auto version = load<std::uint32_t>(fixed.data() + 12);
  header.fileSize = load<std::uint64_t>(fixed.data() + 16);
  header.rows = load<std::uint64_t>(fixed.data() + 24);
  const auto keySize = load<std::uint32_t>(fixed.data() + 32);
  if (byteOrder != kByteOrderMark) return "written on a machine of the other byte order";
  if (version != kFormatVersion)
    return "store file version " + std::to_string(version) + ", this viewer reads version " +
           std::to_string(kFormatVersion);
  if (actualSize < header.fileSize)
    return "truncated: " + std::to_string(actualSize) + " of " + std::to_string(header.fileSize) + " bytes";
  if (actualSize > header.fileSize)
    return "corrupt: " + std::to_string(actualSize) + " bytes where the header gives " +
           std::to_string(header.fileSize);
  if (header.fileSize < kFixedHeaderSize + kTrailerSize || keySize > kMaxKeySize ||
      keySize > header.fileSize - kFixedHeaderSize - kTrailerSize)
    return "corrupt: the key's length exceeds the file";
  header.key.resize(keySize);
  in.read(header.key.data(), static_cast<std::streamsize>(keySize));
  if (!in) return "reading failed";
  checksum.add(header.key.data(), header.key.size());
  return {};
}

std::string temporaryPath(const std::string& path) {
  static std::atomic<std::uint64_t> counter{0};
  const auto now = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  return path + ".tmp-" + std::to_string(now) + "-" + std::to_string(counter++);
}

} // namespace

// Every member of the store and the order in which it is stored, for writing,
// measuring and reading alike.
struct StoreFileAccess {
  template <typename Archive, typename Store> static void visit(Archive& a, Store& s) {
    datasetInfo(a, s.m_info);
    std::uint64_t datasets = s.m_datasets.size();
    a.value(datasets);
    if (datasets > EventStore::kMaxDatasets)
      return a.fail("more than " + std::to_string(EventStore::kMaxDatasets) + " datasets");
    resize(s.m_datasets, datasets);
    for (auto& dataset : s.m_datasets) datasetInfo(a, dataset);
    a.strings(s.m_strings);
    text(a, s.m_ids);
    text(a, s.m_summaries);
    text(a, s.m_notes);
    a.column(s.m_start);
    a.column(s.m_end);
    a.column(s.m_datePrecision);
    a.column(s.m_type);
    a.column(s.m_subType);
    a.column(s.m_locationPrecision);
    a.column(s.m_flags);
    a.column(s.m_dataset);
    a.column(s.m_fatalitiesLow);
    a.column(s.m_fatalitiesHigh);
    a.column(s.m_fatalitiesEstimate);
    a.column(s.m_longitude);
    a.column(s.m_latitude);
    a.column(s.m_geonameId);
    a.column(s.m_shape);
    a.vector(s.m_shaped);
    a.vector(s.m_shapedFirstPart);
    a.vector(s.m_partEnds);
    a.vector(s.m_shapePoints);
    a.vector(s.m_partOf);
    a.column(s.m_place);
    a.column(s.m_region);
    a.column(s.m_cercle);
    a.vector(s.m_actorOffsets);
    a.vector(s.m_actorRefs);
    a.vector(s.m_sourceOffsets);
    a.vector(s.m_sources);
    text(a, s.m_passages);
    a.value(s.m_firstDay);
    a.value(s.m_lastDay);
    a.value(s.m_maxFatalities);
    a.column(s.m_byId);
    a.vector(s.m_tree);
    a.vector(s.m_treeByStart);
    a.vector(s.m_treeByEnd);
    a.value(s.m_treeRoot);
    a.vector(s.m_byPlace);
    a.vector(s.m_byCell); // the placed incidents only
    a.vectors(s.m_startsUpTo);
    a.vectors(s.m_endsBefore);
    a.value(s.m_hasPrefixes);
  }

  template <typename Archive, typename Info> static void datasetInfo(Archive& a, Info& info) {
    // Binding every field stops the build when DatasetInfo gains one.
    auto& [name, title, description, compiled, licence] = info;
    a.string(name);
    a.string(title);
    a.string(description);
    a.string(compiled);
    a.string(licence);
  }

  // Reading makes room for the count read; writing leaves the store as it is.
  static void resize(std::vector<DatasetInfo>& datasets, std::uint64_t count) {
    datasets.resize(static_cast<std::size_t>(count));
  }
  static void resize(const std::vector<DatasetInfo>&, std::uint64_t) {}

  template <typename Archive, typename Text> static void text(Archive& a, Text& t) {
    a.string(t.m_bytes);
    a.vector(t.m_offsets);
  }

  // What a store read from a file must satisfy so that no query reads outside
  // a vector: offsets, string ids, indexes and enumerations in range, spans the
  // right way round, tree links pointing forward. Returns the first problem
  // found, null when there is none. (Per-incident column sizes were checked as
  // they were read.)
  static const char* problem(const EventStore& s) {
    const std::size_t n = s.size();
    auto offsetsFit = [](const auto& offsets, std::size_t rows, std::size_t total) {
      return offsets.size() == rows + 1 && offsets.front() == 0 && offsets.back() == total &&
             std::is_sorted(offsets.begin(), offsets.end());
    };
    auto textFits = [&](const TextColumn& t, std::size_t rows) {
      return offsetsFit(t.m_offsets, rows, t.m_bytes.size());
    };
    if (!textFits(s.m_ids, n) || !textFits(s.m_summaries, n) || !textFits(s.m_notes, n) ||
        !textFits(s.m_passages, s.m_sources.size()))
      return "a text column's offsets do not fit its bytes";
    if (!offsetsFit(s.m_actorOffsets, n, s.m_actorRefs.size()) || !offsetsFit(s.m_sourceOffsets, n, s.m_sources.size()))
      return "actor or source offsets do not fit";

    auto below = [](const auto& values, std::size_t limit) {
      return std::all_of(values.begin(), values.end(),
                         [&](const auto& v) { return static_cast<std::size_t>(v) < limit; });
    };
    const std::size_t strings = s.m_strings.size();
    const bool stringsFit =
        below(s.m_place, strings) && below(s.m_region, strings) && below(s.m_cercle, strings) &&
        std::all_of(s.m_actorRefs.begin(), s.m_actorRefs.end(),
                    [&](const ActorRef& r) { return r.actor < strings && static_cast<unsigned>(r.role) <= 2; }) &&
        std::all_of(s.m_sources.begin(), s.m_sources.end(), [&](const EventStore::SourceRow& r) {
          return r.document < strings && r.title < strings && r.publisher < strings && r.date < strings &&
                 r.url < strings;
        });
    if (!stringsFit) return "a string id or actor role is out of range";
    if (s.m_datasets.empty()) return "the store names no dataset";
    if (!below(s.m_dataset, s.m_datasets.size())) return "an incident's dataset is out of range";
    if (!below(s.m_type, kEventTypeCount) || !below(s.m_subType, kSubEventTypeCount) ||
        !below(s.m_datePrecision, static_cast<std::size_t>(DatePrecision::Year) + 1) ||
        !below(s.m_locationPrecision, kLocationPrecisionCount) ||
        !below(s.m_shape, static_cast<std::size_t>(PlaceShape::Unplaced) + 1))
      return "an event type, sub-type, precision or shape is out of range";
    if (!below(s.m_shaped, n) || !std::is_sorted(s.m_shaped.begin(), s.m_shaped.end()) ||
        !offsetsFit(s.m_shapedFirstPart, s.m_shaped.size(), s.m_partEnds.size()) ||
        !std::is_sorted(s.m_partEnds.begin(), s.m_partEnds.end()) ||
        (s.m_partEnds.empty() ? !s.m_shapePoints.empty() : s.m_partEnds.back() != s.m_shapePoints.size()))
      return "the lines and areas do not fit their points";
    for (EventStore::Index i : s.m_shaped)
      if (s.m_shape[i] != static_cast<std::uint8_t>(PlaceShape::Line) &&
          s.m_shape[i] != static_cast<std::uint8_t>(PlaceShape::Area))
        return "a line or area is not marked as one";
    if (!std::all_of(s.m_partOf.begin(), s.m_partOf.end(),
                     [&](const auto& p) { return p.first < n && p.second < strings; }) ||
        !std::is_sorted(s.m_partOf.begin(), s.m_partOf.end()))
      return "a part's aggregate is out of range";
    for (std::size_t i = 0; i < n; ++i)
      if (s.m_end[i] < s.m_start[i]) return "an incident ends before it starts";

    auto indexFits = [&](const auto& pairs) {
      return std::all_of(pairs.begin(), pairs.end(), [&](const auto& p) { return p.second < n; });
    };
    if (!below(s.m_byId, n) || !indexFits(s.m_byPlace) || !indexFits(s.m_byCell))
      return "an index points past the incidents";
    if (s.m_treeByStart.size() != s.m_treeByEnd.size() || !below(s.m_treeByStart, n) || !below(s.m_treeByEnd, n))
      return "the interval tree points past the incidents";
    const auto nodes = static_cast<std::int64_t>(s.m_tree.size());
    if (s.m_treeRoot < -1 || s.m_treeRoot >= nodes) return "the interval tree's root is out of range";
    for (std::int64_t k = 0; k < nodes; ++k) {
      const EventStore::TreeNode& node = s.m_tree[static_cast<std::size_t>(k)];
      // Children come after their parent (the tree is stored in preorder), so every walk ends.
      auto childFits = [&](std::int32_t child) { return child == -1 || (child > k && child < nodes); };
      if (std::uint64_t{node.begin} + node.count > s.m_treeByStart.size() || !childFits(node.left) ||
          !childFits(node.right))
        return "an interval tree node is out of range";
    }
    if (s.m_hasPrefixes) {
      const std::size_t categories = EventStore::kHistogramCategories * s.m_datasets.size();
      if (n == 0 || s.m_startsUpTo.size() != categories || s.m_endsBefore.size() != categories)
        return "the histogram counts are missing";
      const auto days = static_cast<std::int64_t>(s.m_lastDay) - s.m_firstDay + 2;
      for (std::size_t c = 0; c < categories; ++c) {
        const auto& starts = s.m_startsUpTo[c];
        const auto& ends = s.m_endsBefore[c];
        if (starts.size() != ends.size() || (!starts.empty() && static_cast<std::int64_t>(starts.size()) != days))
          return "the histogram counts do not span the data";
      }
    }
    return nullptr;
  }

  // The members EventStore had when visit() was last brought up to date, in
  // order. Adding a member to EventStore (unless it fits in padding) stops the
  // build here: store it in visit(), check it in problem() when it holds
  // indexes or enumerations, add it here, and raise kFormatVersion.
  struct Members {
    DatasetInfo info;
    std::vector<DatasetInfo> datasets;
    StringPool strings;
    TextColumn ids, summaries, notes;
    std::vector<DayNumber> start, end;
    std::vector<std::uint8_t> datePrecision, type, subType, locationPrecision, flags, dataset;
    std::vector<std::int32_t> fatalitiesLow, fatalitiesHigh, fatalitiesEstimate;
    std::vector<double> longitude, latitude;
    std::vector<std::int64_t> geonameId;
    std::vector<std::uint8_t> shape;
    std::vector<EventStore::Index> shaped;
    std::vector<std::uint32_t> shapedFirstPart, partEnds;
    std::vector<Point2> shapePoints;
    std::vector<std::pair<EventStore::Index, std::uint32_t>> partOf;
    std::vector<std::uint32_t> place, region, cercle;
    std::vector<std::uint32_t> actorOffsets;
    std::vector<ActorRef> actorRefs;
    std::vector<std::uint32_t> sourceOffsets;
    std::vector<EventStore::SourceRow> sources;
    TextColumn passages;
    DayNumber firstDay, lastDay;
    std::int32_t maxFatalities;
    std::vector<EventStore::Index> byId;
    std::vector<EventStore::TreeNode> tree;
    std::vector<EventStore::Index> treeByStart, treeByEnd;
    std::int32_t treeRoot;
    std::vector<std::pair<std::int64_t, EventStore::Index>> byPlace;
    std::vector<std::pair<std::uint32_t, EventStore::Index>> byCell;
    std::vector<std::vector<std::uint32_t>> startsUpTo, endsBefore;
    bool hasPrefixes;
  };
  static_assert(sizeof(Members) == sizeof(EventStore),
                "EventStore's members changed: update StoreFileAccess (io/storefile.cpp)");
  static_assert(sizeof(TextColumn) == sizeof(std::string) + sizeof(std::vector<std::uint64_t>),
                "TextColumn's members changed: update StoreFileAccess::text (io/storefile.cpp)");
};

bool writeStoreFile(const std::string& path, const EventStore& store, const std::string& key, std::string* error) {
  auto failure = [&](const std::string& problem) {
    if (error) *error = path + ": " + problem;
    return false;
  };
  if (key.size() > kMaxKeySize) return failure("the key is longer than " + std::to_string(kMaxKeySize) + " bytes");

  Writer measure;
  StoreFileAccess::visit(measure, store);
  const std::uint64_t fileSize = kFixedHeaderSize + key.size() + measure.size() + kTrailerSize;

  const std::string temporary = temporaryPath(path);
  try {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return failure("cannot write here");
    Writer writer(&out);
    writer.bytes(kMagic.data(), kMagic.size());
    writer.value(kByteOrderMark);
    writer.value(kFormatVersion);
    writer.value(fileSize);
    writer.value(static_cast<std::uint64_t>(store.size()));
    writer.value(static_cast<std::uint32_t>(key.size()));
    writer.bytes(key.data(), key.size());
    StoreFileAccess::visit(writer, store);
    const std::uint64_t checksum = writer.checksum();
    out.write(reinterpret_cast<const char*>(&checksum), sizeof checksum);
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      return failure("writing failed");
    }
  } catch (const std::exception& e) {
    std::remove(temporary.c_str());
    return failure(std::string("writing failed: ") + e.what());
  }
  std::error_code code;
  std::filesystem::rename(temporary, path, code);
  if (code) {
    std::remove(temporary.c_str());
    return failure(code.message());
  }
  return true;
}

std::shared_ptr<const EventStore> readStoreFile(const std::string& path, std::string* error, std::string* key) {
  auto failure = [&](const std::string& problem) -> std::shared_ptr<const EventStore> {
    if (error) *error = path + ": " + problem;
    return nullptr;
  };
  try {
    std::ifstream in;
    Checksum checksum;
    Header header;
    if (std::string problem = readHeader(path, in, checksum, header); !problem.empty()) return failure(problem);

    auto store = std::make_shared<EventStore>();
    const std::uint64_t body = header.fileSize - kFixedHeaderSize - header.key.size() - kTrailerSize;
    Reader reader(in, checksum, body, header.rows);
    StoreFileAccess::visit(reader, *store);
    if (reader.failed()) return failure("corrupt: " + reader.problem());
    if (reader.remaining() != 0) return failure("corrupt: " + std::to_string(reader.remaining()) + " bytes left over");
    std::uint64_t stored = 0;
    in.read(reinterpret_cast<char*>(&stored), sizeof stored);
    if (!in) return failure("reading failed");
    if (stored != checksum.value()) return failure("corrupt: the checksum does not match");
    if (const char* problem = StoreFileAccess::problem(*store)) return failure(std::string("corrupt: ") + problem);
    if (key) *key = std::move(header.key);
    return store;
  } catch (const std::exception& e) {
    return failure(std::string("reading failed: ") + e.what());
  }
}

std::optional<std::string> readStoreFileKey(const std::string& path) {
  try {
    std::ifstream in;
    Checksum checksum;
    Header header;
    if (!readHeader(path, in, checksum, header).empty()) return std::nullopt;
    return std::move(header.key);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

} // namespace sv
