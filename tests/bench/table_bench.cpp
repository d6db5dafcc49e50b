// The incident table at one million incidents: sorting and searching a whole
// year's rows in the model, against the same model behind a
// QSortFilterProxyModel, the usual way to make a Qt table sortable and
// searchable, which compares cell texts.

#include "bench/million.h"
#include "widgets/incidenttable.h"

#include <QSortFilterProxyModel>

#include <benchmark/benchmark.h>

namespace sv {
namespace {

DayRange lastYear() {
  const EventStore& store = *test::millionStore();
  return {store.lastDay() - 364, store.lastDay()};
}

// Sorting by fatalities, then back to date order.
void BM_TableSortFatalities_Model_1M(benchmark::State& state) {
  IncidentTableModel model;
  model.setStore(test::millionStore());
  model.setIncidents(lastYear(), {});
  for (auto _ : state) {
    model.sort(IncidentTableModel::FatalitiesColumn, Qt::DescendingOrder);
    model.sort(IncidentTableModel::DateColumn, Qt::AscendingOrder);
  }
  state.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_TableSortFatalities_Model_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TableSortFatalities_Proxy_1M(benchmark::State& state) {
  IncidentTableModel model;
  model.setStore(test::millionStore());
  model.setIncidents(lastYear(), {});
  QSortFilterProxyModel proxy;
  proxy.setSourceModel(&model);
  for (auto _ : state) {
    proxy.sort(IncidentTableModel::FatalitiesColumn, Qt::DescendingOrder);
    proxy.sort(-1); // back to the source's order
  }
  state.counters["rows"] = proxy.rowCount();
}
BENCHMARK(BM_TableSortFatalities_Proxy_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

// A search over place, region, type, actors, summary and id.
void BM_TableSearch_Model_1M(benchmark::State& state) {
  IncidentTableModel model;
  model.setStore(test::millionStore());
  model.setIncidents(lastYear(), {});
  bool flip = false;
  for (auto _ : state) {
    model.setSearchText(flip ? QStringLiteral("kidal") : QStringLiteral("mopti"));
    flip = !flip;
  }
  state.counters["rows"] = static_cast<double>(model.unsearchedCount());
}
BENCHMARK(BM_TableSearch_Model_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TableSearch_Proxy_1M(benchmark::State& state) {
  IncidentTableModel model;
  model.setStore(test::millionStore());
  model.setIncidents(lastYear(), {});
  QSortFilterProxyModel proxy;
  proxy.setSourceModel(&model);
  proxy.setFilterKeyColumn(-1);
  proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
  bool flip = false;
  for (auto _ : state) {
    proxy.setFilterFixedString(flip ? QStringLiteral("kidal") : QStringLiteral("mopti"));
    flip = !flip;
  }
  state.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_TableSearch_Proxy_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

// The range moving by a day with the table shown: the rows of a 30-day window.
void BM_TableFollowRange_Model_1M(benchmark::State& state) {
  IncidentTableModel model;
  model.setStore(test::millionStore());
  const EventStore& store = *test::millionStore();
  DayNumber to = store.lastDay() - 1000;
  for (auto _ : state) {
    to = to >= store.lastDay() ? store.lastDay() - 1000 : to + 1;
    model.setIncidents({to - 29, to}, {});
  }
  state.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_TableFollowRange_Model_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
} // namespace sv
